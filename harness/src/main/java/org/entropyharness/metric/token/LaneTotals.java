package org.entropyharness.metric.token;

/**
 * The double-precision totals a softmax pass folds its float lanes into, shared by the scalar and the SIMD pass so
 * that both add the same numbers in the same order: lane 0 first, then lane 1, and so on. The lanes stay in the
 * passes' own local arrays, which the JIT knows do not alias one another.
 */
final class LaneTotals {
  private long ties;
  private double restTotal;
  private double weightedTotal;
  private double powerTotal;

  void addTies(long count) {
    ties += count;
  }

  /** Adds the lanes of each sum (Σ exp(d), Σ exp(d)·d, Σ exp(α·d)) into its total, lane by lane, and zeroes them. */
  void fold(float[] rest, float[] weighted, float[] powered) {
    for (int lane = 0; lane < rest.length; lane++) {
      restTotal += rest[lane];
      weightedTotal += weighted[lane];
      powerTotal += powered[lane];
      rest[lane] = 0;
      weighted[lane] = 0;
      powered[lane] = 0;
    }
  }

  /** Adds the tail {@code row[from, from+length)} past the last full set of lanes and returns the sums. */
  SoftmaxSums finish(float[] row, int from, int length, float max, float alpha) {
    addTail(row, from, length, max, alpha);
    return new SoftmaxSums(ties, restTotal, weightedTotal, powerTotal);
  }

  /**
   * Adds the entries {@code row[from, from+length)} one by one: the tail past the last full set of lanes. Each entry
   * gets the scalar exponential, which equals a lane's.
   */
  private void addTail(float[] row, int from, int length, float max, float alpha) {
    for (int i = from; i < from + length; i++) {
      float d = row[i] - max;
      ties += d == 0 ? 1 : 0;
      float e = ScalarSoftmaxPass.belowMax(d);
      restTotal += e;
      weightedTotal += e * Math.max(d, ScalarSoftmaxPass.FLOOR);
      powerTotal += Float.isNaN(alpha) ? 0f : ScalarSoftmaxPass.belowMax(d * alpha);
    }
  }
}
