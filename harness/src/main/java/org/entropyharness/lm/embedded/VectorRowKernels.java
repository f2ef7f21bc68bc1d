package org.entropyharness.lm.embedded;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on SIMD lanes (JDK 17's incubating Vector API). Lanes run across output columns and each lane
 * does exactly the scalar loop's operations in its order (multiply, round, add, round; no fused multiply-add), so the
 * results are bit-identical to the scalar path. Accumulators stay in registers over the whole reduction: four rows
 * × four (or two) vectors, or one row × four vectors, so each weight vector loaded serves four rows and the additions
 * of one column do not wait on each other. Zero inputs (half of the MLP's after ReLU) add nothing in the scalar loop.
 * Four rows at once multiply them anyway when that is exact (finite weights, no −0.0 sum: see {@link Linear}): the
 * rows' zeros fall on different inputs, and loading each weight once for four rows is worth more than the skipped
 * products. One row skips them without a branch in the inner loop, by first gathering the indices of its non-zero
 * inputs in order (a data-dependent branch per input costs more than the SIMD work it guards). Attention scores are
 * vectorised across positions, over keys stored transposed. Loaded only when the JVM has the module.
 */
final class VectorRowKernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();

  private VectorRowKernels() {}

  static void accumulate(float[] in, int rows, int n, float[] w, int m, float[] out, boolean zerosMultiplied) {
    int b = 0;
    for (; b + 4 <= rows; b += 4) {
      if (zerosMultiplied || nonZeroCount(in, b * n, 4 * n) == 4 * n) {
        int done = fourRows(in, b, n, w, m, out);
        for (int r = b; r < b + 4 && done < m; r++) {
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

  /**
   * Columns {@code [0, m − m mod 2L)} of rows b..b+3, over every input (zero inputs are multiplied, which the caller
   * has made safe); returns where it stopped. Four vectors per row where the columns allow (16 accumulators, each
   * weight vector loaded once for four rows), then two.
   */
  private static int fourRows(float[] in, int b, int n, float[] w, int m, float[] out) {
    int j = 0;
    for (; j + 4 * LANES <= m; j += 4 * LANES) {
      fourRowsFourVectors(in, b, n, w, m, out, j);
    }
    for (; j + 2 * LANES <= m; j += 2 * LANES) {
      fourRowsTwoVectors(in, b, n, w, m, out, j);
    }
    return j;
  }

  private static void fourRowsFourVectors(float[] in, int b, int n, float[] w, int m, float[] out, int j) {
    int o0 = b * m + j;
    int o1 = o0 + m;
    int o2 = o1 + m;
    int o3 = o2 + m;
    int i0 = b * n;
    FloatVector c00 = FloatVector.fromArray(SPECIES, out, o0);
    FloatVector c01 = FloatVector.fromArray(SPECIES, out, o0 + LANES);
    FloatVector c02 = FloatVector.fromArray(SPECIES, out, o0 + 2 * LANES);
    FloatVector c03 = FloatVector.fromArray(SPECIES, out, o0 + 3 * LANES);
    FloatVector c10 = FloatVector.fromArray(SPECIES, out, o1);
    FloatVector c11 = FloatVector.fromArray(SPECIES, out, o1 + LANES);
    FloatVector c12 = FloatVector.fromArray(SPECIES, out, o1 + 2 * LANES);
    FloatVector c13 = FloatVector.fromArray(SPECIES, out, o1 + 3 * LANES);
    FloatVector c20 = FloatVector.fromArray(SPECIES, out, o2);
    FloatVector c21 = FloatVector.fromArray(SPECIES, out, o2 + LANES);
    FloatVector c22 = FloatVector.fromArray(SPECIES, out, o2 + 2 * LANES);
    FloatVector c23 = FloatVector.fromArray(SPECIES, out, o2 + 3 * LANES);
    FloatVector c30 = FloatVector.fromArray(SPECIES, out, o3);
    FloatVector c31 = FloatVector.fromArray(SPECIES, out, o3 + LANES);
    FloatVector c32 = FloatVector.fromArray(SPECIES, out, o3 + 2 * LANES);
    FloatVector c33 = FloatVector.fromArray(SPECIES, out, o3 + 3 * LANES);
    for (int i = 0; i < n; i++) {
      int wAt = i * m + j;
      FloatVector w0 = FloatVector.fromArray(SPECIES, w, wAt);
      FloatVector w1 = FloatVector.fromArray(SPECIES, w, wAt + LANES);
      FloatVector w2 = FloatVector.fromArray(SPECIES, w, wAt + 2 * LANES);
      FloatVector w3 = FloatVector.fromArray(SPECIES, w, wAt + 3 * LANES);
      float a0 = in[i0 + i];
      float a1 = in[i0 + n + i];
      float a2 = in[i0 + 2 * n + i];
      float a3 = in[i0 + 3 * n + i];
      c00 = c00.add(w0.mul(a0));
      c01 = c01.add(w1.mul(a0));
      c02 = c02.add(w2.mul(a0));
      c03 = c03.add(w3.mul(a0));
      c10 = c10.add(w0.mul(a1));
      c11 = c11.add(w1.mul(a1));
      c12 = c12.add(w2.mul(a1));
      c13 = c13.add(w3.mul(a1));
      c20 = c20.add(w0.mul(a2));
      c21 = c21.add(w1.mul(a2));
      c22 = c22.add(w2.mul(a2));
      c23 = c23.add(w3.mul(a2));
      c30 = c30.add(w0.mul(a3));
      c31 = c31.add(w1.mul(a3));
      c32 = c32.add(w2.mul(a3));
      c33 = c33.add(w3.mul(a3));
    }
    c00.intoArray(out, o0);
    c01.intoArray(out, o0 + LANES);
    c02.intoArray(out, o0 + 2 * LANES);
    c03.intoArray(out, o0 + 3 * LANES);
    c10.intoArray(out, o1);
    c11.intoArray(out, o1 + LANES);
    c12.intoArray(out, o1 + 2 * LANES);
    c13.intoArray(out, o1 + 3 * LANES);
    c20.intoArray(out, o2);
    c21.intoArray(out, o2 + LANES);
    c22.intoArray(out, o2 + 2 * LANES);
    c23.intoArray(out, o2 + 3 * LANES);
    c30.intoArray(out, o3);
    c31.intoArray(out, o3 + LANES);
    c32.intoArray(out, o3 + 2 * LANES);
    c33.intoArray(out, o3 + 3 * LANES);
  }

  private static void fourRowsTwoVectors(float[] in, int b, int n, float[] w, int m, float[] out, int j) {
    int o0 = b * m + j;
    int o1 = o0 + m;
    int o2 = o1 + m;
    int o3 = o2 + m;
    int i0 = b * n;
    FloatVector c00 = FloatVector.fromArray(SPECIES, out, o0);
    FloatVector c01 = FloatVector.fromArray(SPECIES, out, o0 + LANES);
    FloatVector c10 = FloatVector.fromArray(SPECIES, out, o1);
    FloatVector c11 = FloatVector.fromArray(SPECIES, out, o1 + LANES);
    FloatVector c20 = FloatVector.fromArray(SPECIES, out, o2);
    FloatVector c21 = FloatVector.fromArray(SPECIES, out, o2 + LANES);
    FloatVector c30 = FloatVector.fromArray(SPECIES, out, o3);
    FloatVector c31 = FloatVector.fromArray(SPECIES, out, o3 + LANES);
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
    c00.intoArray(out, o0);
    c01.intoArray(out, o0 + LANES);
    c10.intoArray(out, o1);
    c11.intoArray(out, o1 + LANES);
    c20.intoArray(out, o2);
    c21.intoArray(out, o2 + LANES);
    c30.intoArray(out, o3);
    c31.intoArray(out, o3 + LANES);
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

  static void scores(float[] q, int qAt, float[] keys, int stride, int at, int width, int length, float scale,
      float[] out, int outAt) {
    int t = 0;
    // Four vectors of positions at a time: four independent sums, so the additions do not wait on each other.
    for (; t + 3 * LANES < length; t += 4 * LANES) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = FloatVector.zero(SPECIES);
      FloatVector s2 = FloatVector.zero(SPECIES);
      FloatVector s3 = FloatVector.zero(SPECIES);
      for (int k = 0; k < width; k++) {
        int kAt = (at + k) * stride + t;
        float qk = q[qAt + k];
        s0 = s0.add(FloatVector.fromArray(SPECIES, keys, kAt).mul(qk));
        s1 = s1.add(FloatVector.fromArray(SPECIES, keys, kAt + LANES).mul(qk));
        s2 = s2.add(FloatVector.fromArray(SPECIES, keys, kAt + 2 * LANES).mul(qk));
        s3 = s3.add(FloatVector.fromArray(SPECIES, keys, kAt + 3 * LANES).mul(qk));
      }
      s0.mul(scale).intoArray(out, outAt + t);
      s1.mul(scale).intoArray(out, outAt + t + LANES);
      s2.mul(scale).intoArray(out, outAt + t + 2 * LANES);
      s3.mul(scale).intoArray(out, outAt + t + 3 * LANES);
    }
    for (; t + LANES < length; t += 2 * LANES) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = FloatVector.zero(SPECIES);
      for (int k = 0; k < width; k++) {
        int kAt = (at + k) * stride + t;
        float qk = q[qAt + k];
        s0 = s0.add(FloatVector.fromArray(SPECIES, keys, kAt).mul(qk));
        s1 = s1.add(FloatVector.fromArray(SPECIES, keys, kAt + LANES).mul(qk));
      }
      s0.mul(scale).intoArray(out, outAt + t);
      s1.mul(scale).intoArray(out, outAt + t + LANES);
    }
    for (; t < length; t += LANES) {
      FloatVector s = FloatVector.zero(SPECIES);
      for (int k = 0; k < width; k++) {
        s = s.add(FloatVector.fromArray(SPECIES, keys, (at + k) * stride + t).mul(q[qAt + k]));
      }
      s.mul(scale).intoArray(out, outAt + t);
    }
  }

  /** Needs {@code headDim} a multiple of {@link #LANES}, so every vector of a value row lies in one head. */
  static void weightedSums(float[] p, int pStride, int length, float[] values, int d, int headDim, float[] out,
      int outAt) {
    int k = 0;
    // Four vectors of a value row at a time (two heads of 32): four independent sums per position.
    for (; k + 4 * LANES <= d; k += 4 * LANES) {
      int p0 = k / headDim * pStride;
      int p1 = (k + LANES) / headDim * pStride;
      int p2 = (k + 2 * LANES) / headDim * pStride;
      int p3 = (k + 3 * LANES) / headDim * pStride;
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      for (int t = 0; t < length; t++) {
        int vAt = t * d + k;
        a0 = a0.add(FloatVector.fromArray(SPECIES, values, vAt).mul(p[p0 + t]));
        a1 = a1.add(FloatVector.fromArray(SPECIES, values, vAt + LANES).mul(p[p1 + t]));
        a2 = a2.add(FloatVector.fromArray(SPECIES, values, vAt + 2 * LANES).mul(p[p2 + t]));
        a3 = a3.add(FloatVector.fromArray(SPECIES, values, vAt + 3 * LANES).mul(p[p3 + t]));
      }
      a0.intoArray(out, outAt + k);
      a1.intoArray(out, outAt + k + LANES);
      a2.intoArray(out, outAt + k + 2 * LANES);
      a3.intoArray(out, outAt + k + 3 * LANES);
    }
    for (; k < d; k += LANES) {
      int p0 = k / headDim * pStride;
      FloatVector a = FloatVector.zero(SPECIES);
      for (int t = 0; t < length; t++) {
        a = a.add(FloatVector.fromArray(SPECIES, values, t * d + k).mul(p[p0 + t]));
      }
      a.intoArray(out, outAt + k);
    }
  }
}
