package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;

/** Per-sample entropies of softmax outputs, differentiable (NDArray) for losses, in floats for selection. */
final class Entropies {
  private Entropies() {}

  /** Shannon entropy {@code −Σ p log p} of each row of {@code logits}, in nats. */
  static NDArray shannon(NDArray logits) {
    NDArray logp = logits.logSoftmax(1);
    return logp.exp().mul(logp).sum(new int[] {1}).neg();
  }

  /**
   * Rényi entropy {@code log(Σ p^α) / (1 − α)} of each row, computed as a log-sum-exp of {@code α log p} for
   * stability. α = 1 is the Shannon limit and is computed as such.
   */
  static NDArray renyi(NDArray logits, double alpha) {
    if (alpha == 1.0) {
      return shannon(logits);
    }
    NDArray scaled = logits.logSoftmax(1).mul(alpha);
    NDArray max = scaled.max(new int[] {1}, true).stopGradient();
    NDArray logSum = scaled.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    return logSum.div(1 - alpha);
  }

  /** Shannon entropy of each row of row-major probabilities. */
  static float[] shannon(float[] probabilities, int classes) {
    float[] out = new float[probabilities.length / classes];
    for (int i = 0; i < out.length; i++) {
      double h = 0;
      for (int c = 0; c < classes; c++) {
        double p = probabilities[i * classes + c];
        h -= p > 0 ? p * Math.log(p) : 0;
      }
      out[i] = (float) h;
    }
    return out;
  }

  /** True when every value is finite. */
  static boolean allFinite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
