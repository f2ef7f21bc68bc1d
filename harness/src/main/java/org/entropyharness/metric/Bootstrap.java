package org.entropyharness.metric;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals with a seeded generator, so a run reproduces its own intervals. Two levels for
 * reasoning (resample questions, then samples within each drawn question) and one level (items) for
 * classification error.
 */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * Interval for a metric of per-question sample outcomes ({@code correct[q][s]}), e.g. accuracy or pass@k: each
   * replicate draws questions with replacement and, inside each drawn question, its samples with replacement.
   */
  public static Interval twoLevel(
      boolean[][] correct, ToDoubleFunction<boolean[][]> metric, int replicates, double level, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[replicates];
    boolean[][] draw = new boolean[correct.length][];
    for (int r = 0; r < replicates; r++) {
      for (int q = 0; q < correct.length; q++) {
        boolean[] source = correct[random.nextInt(correct.length)];
        boolean[] samples = new boolean[source.length];
        for (int s = 0; s < samples.length; s++) {
          samples[s] = source[random.nextInt(source.length)];
        }
        draw[q] = samples;
      }
      values[r] = metric.applyAsDouble(draw);
    }
    return interval(metric.applyAsDouble(correct), values, level);
  }

  /** Interval for classification error, resampling items with replacement. */
  public static Interval itemLevelError(boolean[] correct, int replicates, double level, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      int wrong = 0;
      for (int i = 0; i < correct.length; i++) {
        wrong += correct[random.nextInt(correct.length)] ? 0 : 1;
      }
      values[r] = (double) wrong / correct.length;
    }
    return interval(Accuracy.error(correct), values, level);
  }

  /**
   * Interval for the mean of per-item values (e.g. per-problem pass@k), resampling items with replacement. NaN
   * estimate and bounds when there are no items: a mean of nothing is missing, not zero.
   */
  public static Interval meanOverItems(double[] values, int replicates, double level, long seed) {
    if (values.length == 0) {
      checkLevel(level, replicates);
      return new Interval(Double.NaN, Double.NaN, Double.NaN, level);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[replicates];
    for (int r = 0; r < replicates; r++) {
      double sum = 0;
      for (int i = 0; i < values.length; i++) {
        sum += values[random.nextInt(values.length)];
      }
      means[r] = sum / values.length;
    }
    return interval(Quantiles.mean(values), means, level);
  }

  /** pass@k of per-question sample outcomes: the metric to pass to {@link #twoLevel}. */
  public static double passAtK(boolean[][] correct, int k) {
    double sum = 0;
    for (boolean[] samples : correct) {
      int c = 0;
      for (boolean b : samples) {
        c += b ? 1 : 0;
      }
      sum += PassAtK.passAtK(samples.length, c, k);
    }
    return sum / correct.length;
  }

  /** Percentile interval of the replicate {@code values} (sorted in place) around {@code estimate}. */
  static Interval interval(double estimate, double[] values, double level) {
    checkLevel(level, values.length);
    Arrays.sort(values);
    double tail = (1 - level) / 2;
    return new Interval(
        estimate, Quantiles.sortedQuantile(values, tail), Quantiles.sortedQuantile(values, 1 - tail), level);
  }

  static void checkLevel(double level, int replicates) {
    if (!(level > 0 && level < 1) || replicates < 1) {
      throw new IllegalArgumentException(
          "need a level in (0, 1) and at least one replicate: level=" + level + ", replicates=" + replicates);
    }
  }
}
