package org.entropyharness.metric.token;

/**
 * The entropy a server's top-k logprobs allow: the Shannon entropy of those k probabilities renormalised to sum to 1,
 * H_k = −Σ_{i≤k} q_i log q_i with q_i = p_i / Σ_{j≤k} p_j, which is softmax over the k log-probabilities and so goes
 * through {@link SoftmaxEntropy}'s kernel. It is the entropy of the model's distribution conditioned on the next token
 * being among the k; not a bound of the full-vocabulary entropy (it ignores the tail's mass and spread, but the
 * renormalisation can lift it above the exact value), and equal to it when the k tokens carry all the mass. It is a
 * different quantity from the exact entropy: traces record it with provenance {@code top-k renormalised}, and the
 * temperature is whatever the server computed its logprobs at.
 */
public final class TopKEntropy {
  private TopKEntropy() {}

  /**
   * H_k of the given log-probabilities (natural log, any order); NaN, a missing value, when none is finite.
   *
   * @throws IllegalArgumentException when a log-probability is NaN
   */
  public static double renormalised(double[] topLogprobs) {
    float[] row = new float[topLogprobs.length];
    boolean any = false;
    for (int i = 0; i < row.length; i++) {
      if (Double.isNaN(topLogprobs[i])) {
        throw InvalidLogitsException.nanLogprob(i, row.length);
      }
      row[i] = (float) topLogprobs[i];
      any |= row[i] > Float.NEGATIVE_INFINITY;
    }
    return any ? SoftmaxEntropy.shannon(row) : Double.NaN;
  }
}
