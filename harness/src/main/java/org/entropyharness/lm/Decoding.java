package org.entropyharness.lm;

/**
 * Sampling parameters of one generation. Temperature 0 is greedy. How the full-logit backends apply them, edge cases
 * included, is {@link org.entropyharness.lm.token.TokenSampler}'s to say.
 *
 * @param temperature softmax temperature, finite; 0 means argmax
 * @param topP nucleus mass in (0, 1]; 1 disables
 * @param topK keep the k most likely tokens; 0 disables
 * @param minP drop tokens below minP times the top probability; 0 disables
 * @param entropyAdaptive EDT-style temperature from the current token entropy, or null
 * @param maxTokens completion length limit
 */
public record Decoding(
    double temperature, double topP, int topK, double minP, EntropyAdaptiveTemperature entropyAdaptive, int maxTokens) {

  public Decoding {
    if (!(temperature >= 0 && temperature < Double.POSITIVE_INFINITY) || !(topP > 0 && topP <= 1) || topK < 0
        || !(minP >= 0 && minP < 1) || maxTokens <= 0) {
      throw new IllegalArgumentException(
          "bad decoding parameters: temperature=" + temperature + " top-p=" + topP + " top-k=" + topK + " min-p="
              + minP + " max-tokens=" + maxTokens);
    }
  }

  public static Decoding greedy(int maxTokens) {
    return new Decoding(0, 1, 0, 0, null, maxTokens);
  }

  public boolean isGreedy() {
    return temperature == 0 && entropyAdaptive == null;
  }

  /**
   * Entropy-dependent temperature (Zhang et al. 2024, "EDT: Improving Large Language Models' Generation by
   * Entropy-based Dynamic Temperature Sampling"): {@code T = t0 · base^(theta / H)} with H the exact Shannon entropy
   * (nats) of the model's own (temperature 1) next-token distribution at this step, taken no lower than 1e-6, and T
   * floored at {@code minTemperature}. With base below 1, T rises with H. Needs full logits in the decoding loop.
   */
  public record EntropyAdaptiveTemperature(double t0, double base, double theta, double minTemperature) {
    public double temperatureFor(double entropy) {
      double t = t0 * Math.pow(base, theta / Math.max(entropy, 1e-6));
      return Math.max(minTemperature, t);
    }
  }
}
