package org.entropyharness.method.tta;

/**
 * What one adaptation step reports.
 *
 * @param probabilities softmax outputs, {@code N × classes} row-major, computed before the batch's update
 * @param classes number of classes
 * @param backwardSamples samples that contributed to a backward pass in this step (0 for Source and BN-adapt)
 * @param resets model resets the method triggered in this step (SAR's recovery)
 * @param nonFinite non-finite logits, losses or gradients met in this step (their update was skipped)
 */
public record StepResult(float[] probabilities, int classes, int backwardSamples, int resets, int nonFinite) {

  public StepResult {
    if (classes <= 0 || probabilities.length % classes != 0) {
      throw new IllegalArgumentException(probabilities.length + " probabilities are not rows of " + classes);
    }
  }

  /** Number of samples in the batch. */
  public int count() {
    return probabilities.length / classes;
  }

  /** The arg-max class of each sample. */
  public int[] predictions() {
    int[] out = new int[count()];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (probabilities[i * classes + c] > probabilities[i * classes + best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }
}
