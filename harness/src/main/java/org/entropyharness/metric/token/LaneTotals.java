package org.entropyharness.metric.token;

/**
 * The frame of a softmax pass that the scalar and the SIMD pass share, so that both add the same numbers in the same
 * order: a {@link ChunkStep} adds each run of {@value ScalarSoftmaxPass#LANES} entries into float lanes; each block
 * of {@value ScalarSoftmaxPass#FOLD} entries is then folded into double totals, lane 0 first, then lane 1, and so on;
 * the entries past the last full run are added one by one. The lanes are local arrays of {@link #run}, which the JIT
 * knows do not alias one another.
 */
final class LaneTotals {
  private long ties;
  private double restTotal;
  private double weightedTotal;
  private double powerTotal;

  private LaneTotals() {}

  /** Adds one run of entries into the lanes. */
  @FunctionalInterface
  interface ChunkStep {
    /**
     * Adds exp(d), exp(d)·d and, unless alpha is NaN, exp(alpha·d) for d = row[at + lane] − max into lane {@code lane}
     * of {@code rest}, {@code weighted} and {@code powered}; returns how many of the entries equal the maximum.
     */
    long add(float[] row, int at, float max, float alpha, float[] rest, float[] weighted, float[] powered);
  }

  /** The sums over {@code row[from, from+length)}, runs of entries added by {@code step}. */
  static SoftmaxSums run(float[] row, int from, int length, float max, float alpha, ChunkStep step) {
    int bound = length - length % ScalarSoftmaxPass.LANES;
    LaneTotals totals = new LaneTotals();
    float[] rest = new float[ScalarSoftmaxPass.LANES];
    float[] weighted = new float[ScalarSoftmaxPass.LANES];
    float[] powered = new float[ScalarSoftmaxPass.LANES];
    for (int block = 0; block < bound; block += ScalarSoftmaxPass.FOLD) {
      for (int i = block; i < Math.min(bound, block + ScalarSoftmaxPass.FOLD); i += ScalarSoftmaxPass.LANES) {
        totals.ties += step.add(row, from + i, max, alpha, rest, weighted, powered);
      }
      totals.fold(rest, weighted, powered);
    }
    totals.addTail(row, from + bound, length - bound, max, alpha);
    return new SoftmaxSums(totals.ties, totals.restTotal, totals.weightedTotal, totals.powerTotal);
  }

  /** Adds the lanes of each sum into its total, lane by lane, and zeroes them. */
  private void fold(float[] rest, float[] weighted, float[] powered) {
    for (int lane = 0; lane < rest.length; lane++) {
      restTotal += rest[lane];
      weightedTotal += weighted[lane];
      powerTotal += powered[lane];
      rest[lane] = 0;
      weighted[lane] = 0;
      powered[lane] = 0;
    }
  }

  /** Adds the entries one by one, each with the scalar exponential, which equals a lane's. */
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
