package org.entropyharness.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the mean of per-item differences: resample items with replacement, keep the mean of each
 * resample, read the quantiles. Seeded, so a gate decides the same way every time on the same data.
 */
public final class PairedBootstrap {
  /** Resamples; 2,000 keeps the 5% quantile's Monte-Carlo error well below typical tolerances. */
  public static final int RESAMPLES = 2000;

  private PairedBootstrap() {}

  /**
   * Quantiles {@code q} (each in [0,1]) of the bootstrap distribution of the mean of {@code values}.
   */
  public static double[] meanQuantiles(double[] values, long seed, double... q) {
    int n = values.length;
    double[] means = new double[RESAMPLES];
    SplittableRandom random = new SplittableRandom(seed);
    for (int b = 0; b < RESAMPLES; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    double[] out = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      out[i] = quantile(means, q[i]);
    }
    return out;
  }

  /** Linear-interpolated quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
