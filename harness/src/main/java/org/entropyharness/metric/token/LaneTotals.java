package org.entropyharness.metric.token;

/**
 * The double-precision totals a softmax pass folds its float lanes into, shared by the scalar and the SIMD pass so
 * that both add the same numbers in the same order: lane 0 first, then lane 1, and so on.
 */
final class LaneTotals {
  private long ties;
  private double rest;
  private double weighted;
  private double powerRest;

  void addTies(long count) {
    ties += count;
  }

  /** Adds the lanes of each sum into its total, lane by lane in order, and zeroes them. */
  void fold(float[] restLanes, float[] weightedLanes, float[] poweredLanes) {
    for (int lane = 0; lane < restLanes.length; lane++) {
      rest += restLanes[lane];
      weighted += weightedLanes[lane];
      powerRest += poweredLanes[lane];
      restLanes[lane] = 0;
      weightedLanes[lane] = 0;
      poweredLanes[lane] = 0;
    }
  }

  /**
   * Adds the entries {@code row[from, from+length)} one by one: the tail past the last full set of lanes. Each entry
   * gets the scalar exponential, which equals a lane's.
   */
  void addTail(float[] row, int from, int length, float max, float alpha) {
    for (int i = from; i < from + length; i++) {
      float d = row[i] - max;
      ties += d == 0 ? 1 : 0;
      float e = ScalarSoftmaxPass.belowMax(d);
      rest += e;
      weighted += e * Math.max(d, ScalarSoftmaxPass.FLOOR);
      powerRest += Float.isNaN(alpha) ? 0f : ScalarSoftmaxPass.belowMax(d * alpha);
    }
  }

  SoftmaxSums sums() {
    return new SoftmaxSums(ties, rest, weighted, powerRest);
  }
}
