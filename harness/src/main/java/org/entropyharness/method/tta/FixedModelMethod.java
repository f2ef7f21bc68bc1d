package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * The two methods that never change a weight: {@code source} (BatchNorm on the running statistics of the
 * training data) and {@code bn-adapt} (BatchNorm on the statistics of each test batch).
 */
final class FixedModelMethod implements NonAdaptingMethod {
  private final String id;
  private final AdaptableClassifier model;
  private final boolean batchStatistics;
  private final float[] affine;

  FixedModelMethod(String id, AdaptableClassifier model, boolean batchStatistics) {
    this.id = id;
    this.model = model;
    this.batchStatistics = batchStatistics;
    this.affine = model.initialAffine();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public StepResult step(ImageBatch batch) {
    try (NDManager manager = model.newStepManager()) {
      NDArray input = CifarInput.toArray(manager, batch);
      NDArray logits = batchStatistics
          ? model.forward(input, manager.create(affine), true)
          : model.forwardEval(input);
      float[] probabilities = logits.softmax(1).toFloatArray();
      int nonFinite = Entropies.allFinite(probabilities) ? 0 : 1;
      return new StepResult(probabilities, model.classes(), 0, 0, nonFinite);
    }
  }
}
