package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.AdaptableClassifier;

/**
 * The open-set-robust entropy minimisation of Lee et al. (ICCV 2023, "Towards Open-Set Test-Time Adaptation
 * Utilizing the Wisdom of Crowds in Entropy Minimization"; the authors' {@code ostta.py}, criterion {@code ent}):
 * the source model (initial affine parameters, batch statistics) predicts ŷ₀ with confidence p₀(ŷ₀|x); a sample
 * enters the entropy loss only if the adapted model's probability of ŷ₀ has not dropped below it, p(ŷ₀|x) ≥
 * p₀(ŷ₀|x). The loss is the mean entropy of the kept samples minus {@code diversity-weight} times the entropy of
 * the batch's mean prediction (1.0 in the authors' CIFAR-10 setting).
 */
final class OpenSetFilter extends GradientMethod {
  private final double diversityWeight;

  OpenSetFilter(AdaptableClassifier model, MethodParams params) {
    super("ostta", model, params);
    this.diversityWeight = params.number("diversity-weight");
  }

  @Override
  StepResult adapt(NDManager manager, float[] input, ImageBatch batch) {
    NDArray x = inputArray(manager, input, batch);
    int classes = model.classes();
    try (Graph graph = new Graph(manager, x, affine)) {
      // Unadapted, the model is the source model: its own pass is the source's, so p = p₀ exactly, as in PyTorch
      // (a second pass may round differently in other kernels and drop samples on the tie).
      float[] initial = initialAffine();
      float[] source = Arrays.equals(affine, initial) ? graph.probabilities
          : probabilitiesWithoutGradient(manager, x, initial);
      if (!Entropies.allFinite(graph.probabilities)) {
        return new StepResult(graph.probabilities, classes, 0, 0, 1);
      }
      boolean[] kept = kept(source, graph.probabilities, classes);
      int n = batch.count();
      int count = 0;
      for (boolean k : kept) {
        count += k ? 1 : 0;
      }
      float[] weights = new float[n + 1];
      for (int i = 0; i < n; i++) {
        weights[i] = kept[i] ? 1f / count : 0f;
      }
      weights[n] = (float) -diversityWeight;
      NDArray mean = graph.logits.softmax(1).mean(new int[] {0});
      NDArray meanEntropy = mean.mul(mean.log()).sum().neg().reshape(1);
      NDArray values = NDArrays.concat(new NDList(Entropies.shannon(graph.logits), meanEntropy), 0);
      float[] grad = graph.gradient(values, weights);
      if (!Entropies.allFinite(grad)) {
        return new StepResult(graph.probabilities, classes, count, 0, 1);
      }
      optimizer.step(affine, grad);
      return new StepResult(graph.probabilities, classes, count, 0, 0);
    }
  }

  /** p(ŷ₀|x) ≥ p₀(ŷ₀|x), ŷ₀ the source model's arg-max (the first maximum on ties, as torch.max). */
  static boolean[] kept(float[] source, float[] adapted, int classes) {
    boolean[] out = new boolean[source.length / classes];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = source[i * classes + c] > source[i * classes + best] ? c : best;
      }
      out[i] = adapted[i * classes + best] >= source[i * classes + best];
    }
    return out;
  }
}
