package org.entropyharness.metric;

import java.util.Arrays;

/** Means and percentiles; percentiles interpolate linearly between order statistics, as numpy's default does. */
public final class Quantiles {
  private Quantiles() {}

  public static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return xs.length == 0 ? Double.NaN : sum / xs.length;
  }

  /**
   * The mean of every run of {@code window} consecutive values (one run, the whole array, when it is shorter), in
   * order; empty for an empty array. A running sum, so O(n).
   */
  public static double[] windowMeans(double[] xs, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1: " + window);
    }
    int w = Math.min(window, xs.length);
    if (w == 0) {
      return new double[0];
    }
    double[] out = new double[xs.length - w + 1];
    double sum = 0;
    for (int i = 0; i < w; i++) {
      sum += xs[i];
    }
    out[0] = sum / w;
    for (int i = w; i < xs.length; i++) {
      sum += xs[i] - xs[i - w];
      out[i - w + 1] = sum / w;
    }
    return out;
  }

  /** The {@code q}-quantile (q in [0, 1]) of {@code xs}; NaN for an empty array. */
  public static double quantile(double[] xs, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
    }
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    return sortedQuantile(sorted, q);
  }

  static double sortedQuantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static double[] toDouble(int[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  static double[] toDouble(float[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }
}
