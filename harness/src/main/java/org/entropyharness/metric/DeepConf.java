package org.entropyharness.metric;

import java.util.Arrays;

/**
 * DeepConf's trace scores (Fu et al. 2025, "Deep Think with Confidence") from the per-token confidences a backend
 * recorded ({@link org.entropyharness.metric.token.TopKConfidence}: minus the mean of the top-k logprobs): a group
 * confidence is the mean token confidence over a sliding window of {@link #DEFAULT_WINDOW} tokens (the whole trace if
 * shorter); a trace is scored by mean, tail, bottom-10% or lowest group confidence. Keeping the most confident traces
 * and their weighted vote belong to the decoding strategy.
 */
public final class DeepConf {
  /** The paper's group window and tail length, in tokens. */
  public static final int DEFAULT_WINDOW = 2048;

  private DeepConf() {}

  /**
   * All four trace scores, with {@code window} used both for the groups (the mean of every {@code window} consecutive
   * token confidences, one group when the trace is shorter) and for the tail.
   */
  public static TraceConfidence score(float[] tokenConfidence, int window) {
    double[] all = Quantiles.toDouble(tokenConfidence);
    double[] groups = Quantiles.windowMeans(all, window);
    double[] tail = Arrays.copyOfRange(all, Math.max(0, all.length - window), all.length);
    double[] sorted = groups.clone();
    Arrays.sort(sorted);
    int bottom = Math.max(1, (int) Math.ceil(sorted.length * 0.1));
    double lowest = sorted.length == 0 ? Double.NaN : sorted[0];
    return new TraceConfidence(
        Quantiles.mean(all), Quantiles.mean(tail), Quantiles.mean(Arrays.copyOf(sorted, bottom)), lowest);
  }
}
