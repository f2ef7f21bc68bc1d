package org.entropyharness.lm.embedded;

/**
 * A row-major weight matrix {@code [inputs, outputs]}, and whether every entry is finite. With finite weights a zero
 * input may be multiplied instead of skipped: {@code 0·w} is ±0, and adding ±0 changes no sum except one that is still
 * −0.0, which the kernels check for. An infinite weight times zero would add NaN, so such matrices keep the skip.
 */
record Matrix(float[] values, int inputs, int outputs, boolean finite) {

  Matrix {
    if (values.length != inputs * outputs) {
      throw new IllegalArgumentException(
          "a " + inputs + " × " + outputs + " matrix needs " + inputs * outputs + " values, not " + values.length);
    }
  }

  static Matrix of(float[] values, int inputs, int outputs) {
    boolean finite = true;
    for (float v : values) {
      finite &= Float.isFinite(v);
    }
    return new Matrix(values, inputs, outputs, finite);
  }
}
