package org.entropyharness.metric.token;

import static org.entropyharness.metric.token.ScalarSoftmaxPass.FLOOR;
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
 * {@link ScalarSoftmaxPass}: C2 does not vectorise that loop itself (the exponent bit trick stops it). The
 * {@value ScalarSoftmaxPass#LANES} logical lanes live in small arrays, filled by one 512-bit, two 256-bit or four
 * 128-bit vectors per step, whichever the CPU prefers, so every lane sees the same entries in the same order on
 * every machine; lanes are summed by {@link LaneTotals} in order, never by {@code reduceLanes}, whose order is
 * unspecified. Loaded only when the JVM runs with {@code --add-modules=jdk.incubator.vector}.
 */
final class VectorSoftmaxPass {
  private static final VectorSpecies<Float> SPECIES = species();
  private static final int WIDTH = SPECIES.length();

  private VectorSoftmaxPass() {}

  /** The CPU's preferred float vector when it divides the logical lanes, else 128 bits, which every CPU has. */
  private static VectorSpecies<Float> species() {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    return preferred.length() >= 4 && LANES % preferred.length() == 0 ? preferred : FloatVector.SPECIES_128;
  }

  /** The maximum of the row; NaN when an entry is NaN (the lane-wise max propagates it, as Math.max does). */
  static float max(float[] row, int from, int length) {
    int bound = SPECIES.loopBound(length);
    FloatVector m = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < bound; i += WIDTH) {
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
    return LaneTotals.run(row, from, length, max, alpha, VectorSoftmaxPass::addRun);
  }

  private static long addRun(
      float[] row, int at, float max, float alpha, float[] rest, float[] weighted, float[] powered) {
    long ties = 0;
    for (int lane = 0; lane < LANES; lane += WIDTH) {
      FloatVector d = FloatVector.fromArray(SPECIES, row, at + lane).sub(max);
      ties += d.compare(VectorOperators.EQ, 0f).trueCount();
      FloatVector e = belowMax(d);
      FloatVector.fromArray(SPECIES, rest, lane).add(e).intoArray(rest, lane);
      e.fma(d.max(FLOOR), FloatVector.fromArray(SPECIES, weighted, lane)).intoArray(weighted, lane);
      if (!Float.isNaN(alpha)) {
        FloatVector.fromArray(SPECIES, powered, lane).add(belowMax(d.mul(alpha))).intoArray(powered, lane);
      }
    }
    return ties;
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
