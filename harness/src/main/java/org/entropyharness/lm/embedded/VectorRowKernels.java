package org.entropyharness.lm.embedded;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on SIMD lanes (JDK 17's incubating Vector API). Lanes run across output columns and each lane
 * does exactly the scalar loop's operations in its order (multiply, round, add, round; no fused multiply-add), so the
 * results are bit-identical to the scalar path. Accumulators stay in registers over the whole reduction: four rows
 * × two vectors, or one row × four vectors, so each weight vector loaded serves several rows and the additions of
 * one column do not wait on each other. Zero inputs (half of the MLP's after ReLU) are skipped as the scalar loop
 * skips them, but without a branch in the inner loop: a row with zeros first gathers the indices of its non-zero
 * inputs, in order (a data-dependent branch per input costs more than the SIMD work it guards). Loaded only when the
 * JVM has the module.
 */
final class VectorRowKernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();

  private VectorRowKernels() {}

  static void accumulate(float[] in, int rows, int n, float[] w, int m, float[] out) {
    int b = 0;
    for (; b + 4 <= rows; b += 4) {
      if (nonZeroCount(in, b * n, 4 * n) == 4 * n) {
        int done = fourDenseRows(in, b, n, w, m, out);
        for (int r = b; r < b + 4; r++) {
          oneRow(in, r, n, w, m, out, done);
        }
      } else {
        for (int r = b; r < b + 4; r++) {
          oneRow(in, r, n, w, m, out, 0);
        }
      }
    }
    for (; b < rows; b++) {
      oneRow(in, b, n, w, m, out, 0);
    }
  }

  private static int nonZeroCount(float[] values, int from, int length) {
    int count = 0;
    for (int i = from; i < from + length; i++) {
      count += values[i] != 0f ? 1 : 0;
    }
    return count;
  }

  /** Columns {@code [0, m − m mod 2L)} of rows b..b+3, none of whose inputs is zero; returns where it stopped. */
  private static int fourDenseRows(float[] in, int b, int n, float[] w, int m, float[] out) {
    int o0 = b * m;
    int o1 = o0 + m;
    int o2 = o1 + m;
    int o3 = o2 + m;
    int i0 = b * n;
    int j = 0;
    for (; j + 2 * LANES <= m; j += 2 * LANES) {
      FloatVector c00 = FloatVector.fromArray(SPECIES, out, o0 + j);
      FloatVector c01 = FloatVector.fromArray(SPECIES, out, o0 + j + LANES);
      FloatVector c10 = FloatVector.fromArray(SPECIES, out, o1 + j);
      FloatVector c11 = FloatVector.fromArray(SPECIES, out, o1 + j + LANES);
      FloatVector c20 = FloatVector.fromArray(SPECIES, out, o2 + j);
      FloatVector c21 = FloatVector.fromArray(SPECIES, out, o2 + j + LANES);
      FloatVector c30 = FloatVector.fromArray(SPECIES, out, o3 + j);
      FloatVector c31 = FloatVector.fromArray(SPECIES, out, o3 + j + LANES);
      for (int i = 0; i < n; i++) {
        FloatVector w0 = FloatVector.fromArray(SPECIES, w, i * m + j);
        FloatVector w1 = FloatVector.fromArray(SPECIES, w, i * m + j + LANES);
        float a0 = in[i0 + i];
        float a1 = in[i0 + n + i];
        float a2 = in[i0 + 2 * n + i];
        float a3 = in[i0 + 3 * n + i];
        c00 = c00.add(w0.mul(a0));
        c01 = c01.add(w1.mul(a0));
        c10 = c10.add(w0.mul(a1));
        c11 = c11.add(w1.mul(a1));
        c20 = c20.add(w0.mul(a2));
        c21 = c21.add(w1.mul(a2));
        c30 = c30.add(w0.mul(a3));
        c31 = c31.add(w1.mul(a3));
      }
      c00.intoArray(out, o0 + j);
      c01.intoArray(out, o0 + j + LANES);
      c10.intoArray(out, o1 + j);
      c11.intoArray(out, o1 + j + LANES);
      c20.intoArray(out, o2 + j);
      c21.intoArray(out, o2 + j + LANES);
      c30.intoArray(out, o3 + j);
      c31.intoArray(out, o3 + j + LANES);
    }
    return j;
  }

  /** Columns {@code [from, m)} of row b, over its non-zero inputs in ascending order. */
  private static void oneRow(float[] in, int b, int n, float[] w, int m, float[] out, int from) {
    int[] inputs = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      inputs[count] = i;
      count += in[b * n + i] != 0f ? 1 : 0;
    }
    int o = b * m;
    int at = b * n;
    int j = count == n ? oneDenseRow(in, b, n, w, m, out, from) : from;
    for (; j + 4 * LANES <= m; j += 4 * LANES) {
      FloatVector c0 = FloatVector.fromArray(SPECIES, out, o + j);
      FloatVector c1 = FloatVector.fromArray(SPECIES, out, o + j + LANES);
      FloatVector c2 = FloatVector.fromArray(SPECIES, out, o + j + 2 * LANES);
      FloatVector c3 = FloatVector.fromArray(SPECIES, out, o + j + 3 * LANES);
      for (int k = 0; k < count; k++) {
        int i = inputs[k];
        float a = in[at + i];
        int wAt = i * m + j;
        c0 = c0.add(FloatVector.fromArray(SPECIES, w, wAt).mul(a));
        c1 = c1.add(FloatVector.fromArray(SPECIES, w, wAt + LANES).mul(a));
        c2 = c2.add(FloatVector.fromArray(SPECIES, w, wAt + 2 * LANES).mul(a));
        c3 = c3.add(FloatVector.fromArray(SPECIES, w, wAt + 3 * LANES).mul(a));
      }
      c0.intoArray(out, o + j);
      c1.intoArray(out, o + j + LANES);
      c2.intoArray(out, o + j + 2 * LANES);
      c3.intoArray(out, o + j + 3 * LANES);
    }
    for (; j + LANES <= m; j += LANES) {
      FloatVector c = FloatVector.fromArray(SPECIES, out, o + j);
      for (int k = 0; k < count; k++) {
        int i = inputs[k];
        c = c.add(FloatVector.fromArray(SPECIES, w, i * m + j).mul(in[at + i]));
      }
      c.intoArray(out, o + j);
    }
    if (j < m) {
      VectorMask<Float> mask = SPECIES.indexInRange(j, m);
      FloatVector c = FloatVector.fromArray(SPECIES, out, o + j, mask);
      for (int k = 0; k < count; k++) {
        int i = inputs[k];
        c = c.add(FloatVector.fromArray(SPECIES, w, i * m + j, mask).mul(in[at + i]));
      }
      c.intoArray(out, o + j, mask);
    }
  }

  /** Columns {@code [from, m − (m − from) mod 4L)} of row b, none of whose inputs is zero; returns where it stopped. */
  private static int oneDenseRow(float[] in, int b, int n, float[] w, int m, float[] out, int from) {
    int o = b * m;
    int at = b * n;
    int j = from;
    for (; j + 4 * LANES <= m; j += 4 * LANES) {
      FloatVector c0 = FloatVector.fromArray(SPECIES, out, o + j);
      FloatVector c1 = FloatVector.fromArray(SPECIES, out, o + j + LANES);
      FloatVector c2 = FloatVector.fromArray(SPECIES, out, o + j + 2 * LANES);
      FloatVector c3 = FloatVector.fromArray(SPECIES, out, o + j + 3 * LANES);
      for (int i = 0; i < n; i++) {
        float a = in[at + i];
        int wAt = i * m + j;
        c0 = c0.add(FloatVector.fromArray(SPECIES, w, wAt).mul(a));
        c1 = c1.add(FloatVector.fromArray(SPECIES, w, wAt + LANES).mul(a));
        c2 = c2.add(FloatVector.fromArray(SPECIES, w, wAt + 2 * LANES).mul(a));
        c3 = c3.add(FloatVector.fromArray(SPECIES, w, wAt + 3 * LANES).mul(a));
      }
      c0.intoArray(out, o + j);
      c1.intoArray(out, o + j + LANES);
      c2.intoArray(out, o + j + 2 * LANES);
      c3.intoArray(out, o + j + 3 * LANES);
    }
    return j;
  }

  static void weightedSum(float[] p, int length, float[] values, int stride, int at, int width, float[] out,
      int outAt) {
    int k = 0;
    for (; k + 2 * LANES <= width; k += 2 * LANES) {
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      for (int t = 0; t < length; t++) {
        int vAt = t * stride + at + k;
        acc0 = acc0.add(FloatVector.fromArray(SPECIES, values, vAt).mul(p[t]));
        acc1 = acc1.add(FloatVector.fromArray(SPECIES, values, vAt + LANES).mul(p[t]));
      }
      acc0.intoArray(out, outAt + k);
      acc1.intoArray(out, outAt + k + LANES);
    }
    for (; k + LANES <= width; k += LANES) {
      FloatVector acc = FloatVector.zero(SPECIES);
      for (int t = 0; t < length; t++) {
        acc = acc.add(FloatVector.fromArray(SPECIES, values, t * stride + at + k).mul(p[t]));
      }
      acc.intoArray(out, outAt + k);
    }
    if (k < width) {
      VectorMask<Float> mask = SPECIES.indexInRange(k, width);
      FloatVector acc = FloatVector.zero(SPECIES);
      for (int t = 0; t < length; t++) {
        acc = acc.add(FloatVector.fromArray(SPECIES, values, t * stride + at + k, mask).mul(p[t]));
      }
      acc.intoArray(out, outAt + k, mask);
    }
  }
}
