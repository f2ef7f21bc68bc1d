package org.entropyharness.lm.embedded;

/**
 * The inner loops of the embedded transformer: {@code out[b, j] += Σ_i in[b, i] · w[i, j]}, a query's attention
 * scores, and the attention-weighted sum of value rows. Every output element is summed in the same order (inputs,
 * dimensions or positions ascending; a product rounded, then added), so the SIMD path ({@link VectorRowKernels}, used
 * when the JVM runs with {@code --add-modules=jdk.incubator.vector}) gives the same bits as the scalar loops here:
 * vectorising across output columns (or positions) keeps each element's sum a sequence of scalar float operations.
 */
final class RowKernels {
  /** True when the SIMD loops are available (and not switched off with {@code -Dentropyharness.scalar=true}). */
  static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("entropyharness.scalar");

  private RowKernels() {}

  /** Positions of a transposed key cache's row: {@code length} rounded up to whole SIMD vectors. */
  static int paddedLength(int length) {
    int lanes = VECTOR ? VectorRowKernels.LANES : 1;
    return (length + lanes - 1) / lanes * lanes;
  }

  /**
   * {@code out[b·m + j] += Σ_i in[b·n + i] · w[i·m + j]} for every row b < rows; zero inputs add nothing.
   *
   * @param zerosMultiplied the SIMD path may multiply zero inputs rather than skip them (see {@link Linear}): every
   *     weight finite, and no {@code out} entry −0.0
   */
  static void accumulate(float[] in, int rows, int n, float[] w, int m, float[] out, boolean zerosMultiplied) {
    if (VECTOR) {
      VectorRowKernels.accumulate(in, rows, n, w, m, out, zerosMultiplied);
    } else {
      accumulateScalar(in, rows, n, w, m, out);
    }
  }

  /**
   * Attention scores of one query over transposed keys: {@code out[outAt + t] = (Σ_k q[qAt + k] · keys[(at +
   * k)·stride + t]) · scale} for t < length, k < width ascending. The SIMD path also writes positions up to {@link
   * #paddedLength} (stride and out must reach that far); their values are not scores.
   */
  static void scores(float[] q, int qAt, float[] keys, int stride, int at, int width, int length, float scale,
      float[] out, int outAt) {
    if (VECTOR) {
      VectorRowKernels.scores(q, qAt, keys, stride, at, width, length, scale, out, outAt);
    } else {
      scoresScalar(q, qAt, keys, stride, at, width, length, scale, out, outAt);
    }
  }

  /**
   * Every head's attention-weighted sum of value rows: {@code out[outAt + k] = Σ_t p[h·pStride + t] · values[t·d +
   * k]} for k < d, t < length ascending, where h = k / headDim is the head of column k.
   */
  static void weightedSums(float[] p, int pStride, int length, float[] values, int d, int headDim, float[] out,
      int outAt) {
    if (VECTOR && headDim % VectorRowKernels.LANES == 0) {
      VectorRowKernels.weightedSums(p, pStride, length, values, d, headDim, out, outAt);
    } else {
      weightedSumsScalar(p, pStride, length, values, d, headDim, out, outAt);
    }
  }

  static void scoresScalar(float[] q, int qAt, float[] keys, int stride, int at, int width, int length, float scale,
      float[] out, int outAt) {
    for (int t = 0; t < length; t++) {
      float s = 0;
      for (int k = 0; k < width; k++) {
        s += q[qAt + k] * keys[(at + k) * stride + t];
      }
      out[outAt + t] = s * scale;
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

  static void weightedSumsScalar(float[] p, int pStride, int length, float[] values, int d, int headDim, float[] out,
      int outAt) {
    java.util.Arrays.fill(out, outAt, outAt + d, 0f);
    for (int t = 0; t < length; t++) {
      int vAt = t * d;
      for (int k = 0; k < d; k++) {
        out[outAt + k] += p[k / headDim * pStride + t] * values[vAt + k];
      }
    }
  }
}
