package org.entropyharness.metric;

/**
 * The two ways to average token entropies (nats) over many traces, which differ whenever traces differ in length:
 *
 * <ul>
 *   <li>token-mean: Σ over all tokens of all traces / number of tokens. Every token weighs the same, so long
 *       traces dominate. This is how RL training logs policy entropy, e.g. verl's {@code token-mean}
 *       aggregation, which the training scripts of Cui et al. (2025, "The Entropy Mechanism of Reinforcement
 *       Learning for Reasoning Language Models", the R = −a·exp(H) + b law) set.
 *   <li>sequence-mean: the mean over traces of each trace's own token mean. Every trace weighs the same. The
 *       harness's per-trace statistics ({@link TraceEntropyStats#mean()}) averaged over traces are this.
 * </ul>
 *
 * Traces without tokens (failed ones) add nothing to either; with no tokens at all both are NaN, which the caller
 * reports missing ("no tokens measured") rather than 0.
 */
public final class EntropyAggregation {
  private EntropyAggregation() {}

  /** Σ_t Σ_i h[t][i] / Σ_t |h[t]|; NaN without tokens. */
  public static double tokenMean(float[][] traces) {
    double sum = 0;
    long tokens = 0;
    for (float[] trace : traces) {
      for (float h : trace) {
        sum += h;
      }
      tokens += trace.length;
    }
    return tokens == 0 ? Double.NaN : sum / tokens;
  }

  /** Mean over traces with at least one token of (Σ_i h[t][i] / |h[t]|); NaN without tokens. */
  public static double sequenceMean(float[][] traces) {
    double sum = 0;
    int counted = 0;
    for (float[] trace : traces) {
      if (trace.length > 0) {
        double traceSum = 0;
        for (float h : trace) {
          traceSum += h;
        }
        sum += traceSum / trace.length;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** All traces' token entropies in one array, in trace order. */
  public static double[] pooled(float[][] traces) {
    int total = 0;
    for (float[] trace : traces) {
      total += trace.length;
    }
    double[] out = new double[total];
    int at = 0;
    for (float[] trace : traces) {
      for (float h : trace) {
        out[at++] = h;
      }
    }
    return out;
  }
}
