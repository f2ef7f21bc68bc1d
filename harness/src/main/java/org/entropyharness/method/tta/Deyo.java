package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.AdaptableClassifier;

/**
 * DeYO (Lee et al., ICLR 2024): entropy minimisation on samples that are confident ({@code H < e-margin·ln C}) and
 * whose prediction depends on shape: the pseudo-label probability disagreement {@code PLPD = p(ŷ|x) − p(ŷ|x')},
 * with x' the patch-shuffled image, must exceed {@code plpd-threshold}. Samples are weighted by the detached
 * {@code exp(E0 − H) + exp(PLPD)} with {@code E0 = reweight-margin·ln C}.
 */
final class Deyo extends GradientMethod {
  private final double entropyMargin;
  private final double reweightMargin;
  private final double plpdThreshold;
  private final int grid;
  private final PatchPermutations permutations;

  Deyo(AdaptableClassifier model, MethodParams params, PatchPermutations permutations) {
    super("deyo", model, params);
    this.entropyMargin = params.number("e-margin") * Math.log(model.classes());
    this.reweightMargin = params.number("reweight-margin") * Math.log(model.classes());
    this.plpdThreshold = params.number("plpd-threshold");
    this.grid = params.integer("patch-grid");
    this.permutations = permutations;
  }

  @Override
  StepResult adapt(NDManager manager, float[] input, ImageBatch batch) {
    try (Graph graph = new Graph(manager, inputArray(manager, input, batch), affine)) {
      int classes = model.classes();
      if (!Entropies.allFinite(graph.probabilities)) {
        return new StepResult(graph.probabilities, classes, 0, 0, 1);
      }
      NDArray entropies = Entropies.shannon(graph.logits);
      float[] h = entropies.toFloatArray();
      int[] confident = indices(h, entropyMargin);
      if (confident.length == 0) {
        return new StepResult(graph.probabilities, classes, 0, 0, 0);
      }
      float[] shuffled = shuffledProbabilities(manager, input, batch, confident);
      float[] plpd = plpd(graph.probabilities, shuffled, confident, classes);
      float[] weights = weights(h, plpd, confident);
      int selected = 0;
      for (float w : weights) {
        selected += w > 0 ? 1 : 0;
      }
      if (selected == 0) {
        return new StepResult(graph.probabilities, classes, 0, 0, 0);
      }
      for (int i = 0; i < weights.length; i++) {
        weights[i] /= selected;
      }
      float[] grad = graph.gradient(entropies, weights);
      if (!Entropies.allFinite(grad)) {
        return new StepResult(graph.probabilities, classes, selected, 0, 1);
      }
      optimizer.step(affine, grad);
      return new StepResult(graph.probabilities, classes, selected, 0, 0);
    }
  }

  /** Softmax of the patch-shuffled confident images, batch statistics of that subset (as the reference). */
  private float[] shuffledProbabilities(NDManager manager, float[] input, ImageBatch batch, int[] confident) {
    int per = 3 * batch.height() * batch.width();
    float[] subset = new float[confident.length * per];
    for (int j = 0; j < confident.length; j++) {
      System.arraycopy(input, confident[j] * per, subset, j * per, per);
    }
    int[][] perms = permutations.next(confident.length, grid);
    float[] shuffled = PatchShuffle.apply(subset, 3, batch.height(), grid, perms);
    return probabilitiesWithoutGradient(manager, inputArray(manager, shuffled, batch), affine);
  }

  /** {@code p(ŷ|x) − p(ŷ|x')} per confident sample, ŷ the arg-max on x. */
  static float[] plpd(float[] probabilities, float[] shuffled, int[] confident, int classes) {
    float[] out = new float[confident.length];
    for (int j = 0; j < confident.length; j++) {
      int row = confident[j] * classes;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = probabilities[row + c] > probabilities[row + best] ? c : best;
      }
      out[j] = probabilities[row + best] - shuffled[j * classes + best];
    }
    return out;
  }

  private float[] weights(float[] h, float[] plpd, int[] confident) {
    double entropyWeight = params.number("reweight-entropy");
    double plpdWeight = params.number("reweight-plpd");
    float[] weights = new float[h.length];
    for (int j = 0; j < confident.length; j++) {
      if (plpd[j] > plpdThreshold) {
        int i = confident[j];
        weights[i] = (float) (entropyWeight * Math.exp(reweightMargin - h[i]) + plpdWeight * Math.exp(plpd[j]));
        weights[i] = entropyWeight == 0 && plpdWeight == 0 ? 1f : weights[i];
      }
    }
    return weights;
  }

  private static int[] indices(float[] values, double below) {
    return java.util.stream.IntStream.range(0, values.length).filter(i -> values[i] < below).toArray();
  }

  @Override
  void resetState() {
    permutations.restart();
  }
}
