package org.entropyharness.metric;

import java.util.Arrays;

/**
 * Summary of one trace's per-token entropies (nats): mean, median, 90th percentile, the share of tokens above a
 * threshold ("forking" tokens), and the largest mean over any window of consecutive tokens (the whole trace when
 * it is shorter than the window).
 */
public record TraceEntropyStats(double mean, double p50, double p90, double highShare, double maxWindowMean) {

  /** Statistics of {@code entropies}; {@code threshold} in nats, {@code window} in tokens (≥ 1). */
  public static TraceEntropyStats of(float[] entropies, double threshold, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1: " + window);
    }
    if (entropies.length == 0) {
      return new TraceEntropyStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] xs = Quantiles.toDouble(entropies);
    int high = 0;
    for (double x : xs) {
      high += x > threshold ? 1 : 0;
    }
    return new TraceEntropyStats(
        Quantiles.mean(xs),
        Quantiles.quantile(xs, 0.5),
        Quantiles.quantile(xs, 0.9),
        (double) high / xs.length,
        maxWindowMean(xs, window));
  }

  static double maxWindowMean(double[] xs, int window) {
    return Arrays.stream(Quantiles.windowMeans(xs, window)).max().orElse(Double.NaN);
  }
}
