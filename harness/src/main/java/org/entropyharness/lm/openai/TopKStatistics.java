package org.entropyharness.lm.openai;

/**
 * Per-token statistics computed from the top-k logprobs a server returns instead of the full distribution.
 *
 * <p>The entropy estimate sums {@code -p ln p} over the k returned tokens and treats the remaining probability mass as
 * one further outcome. Merging outcomes never raises entropy, so the estimate is a lower bound of the exact entropy,
 * tight when the top k carry nearly all the mass. It is a different quantity from the exact entropy, which is why
 * traces carry {@code EntropyProvenance.topK(k)}.
 */
public final class TopKStatistics {
  private TopKStatistics() {}

  /** Entropy in nats estimated from top-k logprobs (natural log), with the residual mass as one outcome. */
  public static double entropy(double[] topLogprobs) {
    double h = 0;
    double mass = 0;
    for (double lp : topLogprobs) {
      double p = Math.exp(lp);
      mass += p;
      if (p > 0) {
        h -= p * lp;
      }
    }
    double rest = 1 - mass;
    if (rest > 1e-12) {
      h -= rest * Math.log(rest);
    }
    return h;
  }

  /** DeepConf token confidence: minus the mean of the top-k logprobs (large when the top tokens are unlikely). */
  public static double confidence(double[] topLogprobs) {
    if (topLogprobs.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double lp : topLogprobs) {
      sum += lp;
    }
    return -sum / topLogprobs.length;
  }
}
