package org.entropyharness.method.tta;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * EATA's diagonal Fisher information of the BatchNorm affine parameters: the squared gradient of the
 * cross-entropy against the model's own arg-max labels, on clean images in batches with batch statistics,
 * averaged over the batches (as the reference implementation does).
 */
final class FisherEstimate {
  private FisherEstimate() {}

  static float[] compute(AdaptableClassifier model, ImageBatch clean, int samples, int batchSize) {
    float[] affine = model.initialAffine();
    float[] fisher = new float[affine.length];
    int count = Math.min(samples, clean.count());
    int batches = 0;
    for (int from = 0; from < count; from += batchSize) {
      float[] grad = batchGradient(model, clean.slice(from, Math.min(count, from + batchSize)), affine);
      for (int i = 0; i < grad.length; i++) {
        fisher[i] += grad[i] * grad[i];
      }
      batches++;
    }
    for (int i = 0; i < fisher.length; i++) {
      fisher[i] /= Math.max(1, batches);
    }
    return fisher;
  }

  private static float[] batchGradient(AdaptableClassifier model, ImageBatch batch, float[] affine) {
    try (NDManager manager = model.newStepManager();
        GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
      NDArray input = CifarInput.toArray(manager, batch);
      NDArray parameters = manager.create(affine);
      parameters.setRequiresGradient(true);
      NDArray logits = model.forward(input, parameters, true);
      NDArray labels = logits.argMax(1).oneHot(model.classes()).toType(logits.getDataType(), false);
      NDArray loss = logits.logSoftmax(1).mul(labels).sum().neg().div(batch.count());
      collector.backward(loss);
      return parameters.getGradient().toFloatArray();
    }
  }
}
