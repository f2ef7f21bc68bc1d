package org.entropyharness.metric.token;

import static org.entropyharness.metric.token.ScalarSoftmaxPass.FLOOR;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.FOLD;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.LANES;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.LN2_HI;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.LN2_LO;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.LOG2E;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.ROUNDER;
import static org.entropyharness.metric.token.ScalarSoftmaxPass.ROUNDER_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pass of {@link SoftmaxEntropy} on SIMD lanes (JDK 17's incubating Vector API), bit for bit the arithmetic of
 * {@link ScalarSoftmaxPass}: C2 does not vectorise that loop itself (the exponent bit trick stops it). The width is
 * fixed at 128 bits, not the CPU's widest, so that the lanes, and with them every sum, are the same on every machine;
 * lanes are summed by {@link LaneTotals} in order, never by {@code reduceLanes}, whose order is unspecified. Loaded
 * only when the JVM runs with {@code --add-modules=jdk.incubator.vector}.
 */
final class VectorSoftmaxPass {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_128;

  static {
    if (SPECIES.length() != LANES) {
      throw new IllegalStateException("SIMD pass expects " + LANES + " lanes, got " + SPECIES.length());
    }
  }

  private VectorSoftmaxPass() {}

  /** The maximum of the row; NaN when an entry is NaN (the lane-wise max propagates it, as Math.max does). */
  static float max(float[] row, int from, int length) {
    int bound = SPECIES.loopBound(length);
    FloatVector m = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < bound; i += LANES) {
      m = m.max(FloatVector.fromArray(SPECIES, row, from + i));
    }
    float max = m.reduceLanes(VectorOperators.MAX);
    for (int i = from + bound; i < from + length; i++) {
      max = Math.max(max, row[i]);
    }
    return max;
  }

  /** {@link ScalarSoftmaxPass#sums} on lanes. */
  static SoftmaxSums sums(float[] row, int from, int length, float max, float alpha) {
    boolean power = !Float.isNaN(alpha);
    int bound = SPECIES.loopBound(length);
    FloatVector rest = FloatVector.zero(SPECIES);
    FloatVector weighted = FloatVector.zero(SPECIES);
    FloatVector powered = FloatVector.zero(SPECIES);
    float[] restLanes = new float[LANES];
    float[] weightedLanes = new float[LANES];
    float[] poweredLanes = new float[LANES];
    LaneTotals totals = new LaneTotals();
    for (int i = 0; i < bound; i += LANES) {
      FloatVector d = FloatVector.fromArray(SPECIES, row, from + i).sub(max);
      totals.addTies(d.compare(VectorOperators.EQ, 0f).trueCount());
      FloatVector e = belowMax(d);
      rest = rest.add(e);
      weighted = e.fma(d.max(FLOOR), weighted);
      if (power) {
        powered = powered.add(belowMax(d.mul(alpha)));
      }
      if ((i & (FOLD - 1)) == 0) {
        fold(totals, rest, weighted, powered, restLanes, weightedLanes, poweredLanes);
        rest = FloatVector.zero(SPECIES);
        weighted = FloatVector.zero(SPECIES);
        powered = FloatVector.zero(SPECIES);
      }
    }
    fold(totals, rest, weighted, powered, restLanes, weightedLanes, poweredLanes);
    totals.addTail(row, from + bound, length - bound, max, alpha);
    return totals.sums();
  }

  private static void fold(LaneTotals totals, FloatVector rest, FloatVector weighted, FloatVector powered,
      float[] restLanes, float[] weightedLanes, float[] poweredLanes) {
    rest.intoArray(restLanes, 0);
    weighted.intoArray(weightedLanes, 0);
    powered.intoArray(poweredLanes, 0);
    totals.fold(restLanes, weightedLanes, poweredLanes);
  }

  /** Lane-wise {@link ScalarSoftmaxPass#belowMax}. */
  private static FloatVector belowMax(FloatVector x) {
    VectorMask<Float> excluded = x.compare(VectorOperators.EQ, 0f).or(x.compare(VectorOperators.LE, FLOOR));
    return exp(x).blend(0f, excluded);
  }

  /** Lane-wise {@link ScalarSoftmaxPass#exp}: the same operations, each fused multiply-add exact as Math.fma. */
  private static FloatVector exp(FloatVector x) {
    FloatVector y = x.max(FLOOR);
    FloatVector k = y.fma(LOG2E, ROUNDER);
    FloatVector n = k.sub(ROUNDER);
    IntVector scale = k.reinterpretAsInts().sub(ROUNDER_BITS).lanewise(VectorOperators.LSHL, 23);
    FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), y);
    r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
    FloatVector p = r.fma(1f / 720, 1f / 120);
    p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 24));
    p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 6));
    p = p.fma(r, FloatVector.broadcast(SPECIES, 0.5f));
    p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
    p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
    return p.reinterpretAsInts().add(scale).reinterpretAsFloats();
  }
}
