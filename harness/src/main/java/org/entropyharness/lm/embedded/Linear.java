package org.entropyharness.lm.embedded;

/**
 * A linear layer, {@code in[rows, inputs] · weights[inputs, outputs] + bias}, weights row-major.
 *
 * <p>{@code zerosMultiplied}: whether the kernels may multiply zero inputs instead of skipping them as the scalar
 * loop does. {@code 0·w} is ±0 for finite w, and adding ±0 changes no sum that is not −0.0; a sum here starts at the
 * bias, or at the residual plus the bias, which is −0.0 only where the bias is. So: every weight finite, no bias
 * entry −0.0.
 */
record Linear(float[] weights, float[] bias, int inputs, int outputs, boolean zerosMultiplied) {

  Linear {
    if (weights.length != inputs * outputs || bias.length != outputs) {
      throw new IllegalArgumentException("a " + inputs + " × " + outputs + " layer needs " + inputs * outputs
          + " weights and " + outputs + " biases, not " + weights.length + " and " + bias.length);
    }
  }

  static Linear of(float[] weights, float[] bias, int inputs, int outputs) {
    boolean finite = true;
    for (float w : weights) {
      finite &= Float.isFinite(w);
    }
    boolean negativeZero = false;
    for (float b : bias) {
      negativeZero |= Float.floatToRawIntBits(b) == Integer.MIN_VALUE;
    }
    return new Linear(weights, bias, inputs, outputs, finite && !negativeZero);
  }

  /** {@code out[rows, outputs] = in · weights + bias}. */
  void apply(float[] in, int rows, float[] out) {
    for (int b = 0; b < rows; b++) {
      System.arraycopy(bias, 0, out, b * outputs, outputs);
    }
    RowKernels.accumulate(in, rows, inputs, weights, outputs, out, zerosMultiplied);
  }

  /** {@code out += in · weights + bias} (a residual connection). */
  void addTo(float[] in, int rows, float[] out) {
    for (int b = 0; b < rows; b++) {
      for (int j = 0; j < outputs; j++) {
        out[b * outputs + j] += bias[j];
      }
    }
    RowKernels.accumulate(in, rows, inputs, weights, outputs, out, zerosMultiplied);
  }
}
