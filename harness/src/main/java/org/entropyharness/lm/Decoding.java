package org.entropyharness.lm;

/**
 * Sampling parameters of one generation. Temperature 0 is greedy.
 *
 * @param temperature softmax temperature; 0 means argmax
 * @param topP nucleus mass in (0, 1]; 1 disables
 * @param topK keep the k most likely tokens; 0 disables
 * @param minP drop tokens below minP times the top probability; 0 disables
 * @param entropyAdaptive EDT-style temperature from the current token entropy, or null
 * @param maxTokens completion length limit
 */
public record Decoding(
    double temperature, double topP, int topK, double minP, EntropyAdaptiveTemperature entropyAdaptive, int maxTokens) {

  public Decoding {
    if (temperature < 0 || !(topP > 0 && topP <= 1) || topK < 0 || minP < 0 || minP >= 1 || maxTokens <= 0) {
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
   * Entropy-dependent temperature (Zhang et al. 2024, "EDT"): {@code T = t0 · base^(theta / H)} with H the entropy of
   * the current next-token distribution, floored at {@code minTemperature}. Needs full logits in the decoding loop.
   */
  public record EntropyAdaptiveTemperature(double t0, double base, double theta, double minTemperature) {
    public double temperatureFor(double entropy) {
      double t = t0 * Math.pow(base, theta / Math.max(entropy, 1e-6));
      return Math.max(minTemperature, t);
    }
  }
}
