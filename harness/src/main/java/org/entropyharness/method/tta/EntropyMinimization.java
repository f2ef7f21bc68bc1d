package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.AdaptableClassifier;

/**
 * Tent (Wang et al., ICLR 2021): one gradient step per batch on the mean prediction entropy, BatchNorm affine
 * parameters only, batch statistics. With {@code alpha ≠ 1} the entropy is Rényi's of order α ({@code renyi-tent}).
 */
final class EntropyMinimization extends GradientMethod {
  private final double alpha;

  EntropyMinimization(String id, AdaptableClassifier model, MethodParams params, double alpha) {
    super(id, model, params);
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("method '" + id + "': parameter 'alpha' must be a positive finite number,"
          + " found " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  StepResult adapt(NDManager manager, float[] input, ImageBatch batch) {
    NDArray x = inputArray(manager, input, batch);
    try (Graph graph = new Graph(manager, x, affine)) {
      int n = batch.count();
      if (!Entropies.allFinite(graph.probabilities)) {
        return new StepResult(graph.probabilities, model.classes(), 0, 0, 1);
      }
      float[] weights = new float[n];
      Arrays.fill(weights, 1f / n);
      float[] grad = graph.gradient(Entropies.renyi(graph.logits, alpha), weights);
      if (!Entropies.allFinite(grad)) {
        return new StepResult(graph.probabilities, model.classes(), n, 0, 1);
      }
      optimizer.step(affine, grad);
      return new StepResult(graph.probabilities, model.classes(), n, 0, 0);
    }
  }
}
