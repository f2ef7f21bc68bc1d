package org.entropyharness.metric.token;

/**
 * DeepConf's token confidence (Fu et al. 2025, "Deep Think with Confidence"): C = −(1/k) Σ_{j≤k} log P(j), the
 * negative mean log-probability of the k most likely tokens at one position. Higher for a peaked distribution (its
 * top token is likely and the rest of the top k very unlikely, so the mean log-probability is very negative) than for
 * a flat one (the top k share the mass). The same function serves a full distribution (a log-softmax over the
 * vocabulary) and a server's top-k list (with k its length).
 *
 * <p>Edges: k is capped at the number of tokens with a finite log-probability (a masked token, at -Infinity, is not
 * a candidate), so k larger than the vocabulary means the whole vocabulary; no finite log-probability gives NaN, a
 * missing value.
 */
public final class TopKConfidence {
  private TopKConfidence() {}

  /**
   * −mean of the {@code k} largest finite log-probabilities, summed from the largest down.
   *
   * @throws IllegalArgumentException when k &lt; 1 or a log-probability is NaN
   */
  public static double of(double[] logprobs, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("confidence top-k must be >= 1: " + k);
    }
    double[] top = new double[Math.min(k, logprobs.length)];
    int n = 0;
    for (int i = 0; i < logprobs.length; i++) {
      double lp = logprobs[i];
      if (Double.isNaN(lp)) {
        throw InvalidLogitsException.nanLogprob(i, logprobs.length);
      }
      if (lp > Double.NEGATIVE_INFINITY && (n < top.length || lp > top[n - 1])) {
        n = insertDescending(top, n, lp);
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += top[r];
    }
    return -sum / n;
  }

  /** Inserts x into the descending prefix top[0, n), dropping the smallest when full; returns the new length. */
  private static int insertDescending(double[] top, int n, double x) {
    int at = Math.min(n, top.length - 1);
    while (at > 0 && top[at - 1] < x) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = x;
    return Math.min(n + 1, top.length);
  }
}
