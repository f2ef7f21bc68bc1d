package org.entropyharness.lm.embedded;

/**
 * The inner loops of the embedded transformer: {@code out[b, j] += Σ_i in[b, i] · w[i, j]} and the attention-weighted
 * sum of value rows. Every output element is summed in the same order (i, or positions, ascending; a product rounded,
 * then added), so the SIMD path ({@link VectorRowKernels}, used when the JVM runs with {@code
 * --add-modules=jdk.incubator.vector}) gives the same bits as the scalar loops here: vectorising across output columns
 * keeps each column's sum a sequence of scalar float operations.
 */
final class RowKernels {
  /** True when the SIMD loops are available (and not switched off with {@code -Dentropyharness.scalar=true}). */
  static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("entropyharness.scalar");

  private RowKernels() {}

  /** {@code out[b·m + j] += Σ_i in[b·n + i] · w[i·m + j]} for every row b < rows; zero inputs add nothing. */
  static void accumulate(float[] in, int rows, int n, float[] w, int m, float[] out) {
    if (VECTOR) {
      VectorRowKernels.accumulate(in, rows, n, w, m, out);
    } else {
      accumulateScalar(in, rows, n, w, m, out);
    }
  }

  /** {@code out[outAt + k] = Σ_t p[t] · values[t·stride + at + k]} for k < width, t < length ascending. */
  static void weightedSum(float[] p, int length, float[] values, int stride, int at, int width, float[] out,
      int outAt) {
    if (VECTOR && width >= VectorRowKernels.LANES) {
      VectorRowKernels.weightedSum(p, length, values, stride, at, width, out, outAt);
    } else {
      weightedSumScalar(p, length, values, stride, at, width, out, outAt);
    }
  }

  static void accumulateScalar(float[] in, int rows, int n, float[] w, int m, float[] out) {
    for (int i = 0; i < n; i++) {
      int wAt = i * m;
      for (int b = 0; b < rows; b++) {
        float a = in[b * n + i];
        if (a == 0f) {
          continue;
        }
        int oAt = b * m;
        for (int j = 0; j < m; j++) {
          out[oAt + j] += a * w[wAt + j];
        }
      }
    }
  }

  static void weightedSumScalar(float[] p, int length, float[] values, int stride, int at, int width, float[] out,
      int outAt) {
    java.util.Arrays.fill(out, outAt, outAt + width, 0f);
    for (int t = 0; t < length; t++) {
      float pt = p[t];
      int vAt = t * stride + at;
      for (int k = 0; k < width; k++) {
        out[outAt + k] += pt * values[vAt + k];
      }
    }
  }
}
