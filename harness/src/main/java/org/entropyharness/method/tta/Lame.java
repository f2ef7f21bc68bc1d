package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * LAME (Boudiaf et al., CVPR 2022; the benchmark's {@code methods/lame.py} after fiveai/LAME): no parameter changes;
 * the source model's outputs (BatchNorm on running statistics) are corrected per batch by Laplacian-regularised
 * maximum likelihood: with unary {@code −log p}, an affinity {@code W} between the batch's L2-normalised
 * penultimate features and {@code Y₀ = softmax(log p)}, iterate {@code Y ← softmax(log p + W Y)} (at most
 * {@code max-steps}, until the energy changes by at most 1e-8 of itself). Affinities: {@code knn} (1 for each of
 * the {@code knn} nearest other samples) or {@code rbf} ({@code exp(−d²/2σ²)}, σ the mean distance to the
 * {@code knn}-th nearest sample, self included).
 */
final class Lame implements NonAdaptingMethod {
  private final AdaptableClassifier model;
  private final String affinity;
  private final int knn;
  private final int maxSteps;

  Lame(AdaptableClassifier model, MethodParams params) {
    this.model = model;
    this.affinity = params.string("affinity");
    this.knn = params.integer("knn");
    this.maxSteps = params.integer("max-steps");
    if (!affinity.equals("knn") && !affinity.equals("rbf")) {
      throw new IllegalArgumentException("method 'lame': parameter 'affinity' must be knn or rbf, found '"
          + affinity + "'");
    }
    if (knn < 1 || maxSteps < 1) {
      throw new IllegalArgumentException("method 'lame': parameters 'knn' and 'max-steps' must be at least 1");
    }
  }

  @Override
  public String id() {
    return "lame";
  }

  @Override
  public StepResult step(ImageBatch batch) {
    float[] features;
    float[] logits;
    int dims;
    try (NDManager manager = model.newStepManager()) {
      NDArray f = model.featuresEval(CifarInput.toArray(manager, batch));
      dims = (int) f.getShape().get(1);
      features = f.toFloatArray();
      logits = model.classify(f).toFloatArray();
    }
    int classes = model.classes();
    if (!Entropies.allFinite(logits)) {
      return new StepResult(softmaxRows(logits, classes), classes, 0, 0, 1);
    }
    double[][] kernel = LaplacianAdjustment.affinity(affinity, LaplacianAdjustment.normalise(features, dims), knn);
    float[] y = LaplacianAdjustment.solve(logits, classes, kernel, maxSteps);
    return new StepResult(y, classes, 0, 0, Entropies.allFinite(y) ? 0 : 1);
  }

  private static float[] softmaxRows(float[] logits, int classes) {
    float[] out = new float[logits.length];
    for (int i = 0; i < logits.length / classes; i++) {
      double[] row = LaplacianAdjustment.softmax(logits, i * classes, classes);
      for (int c = 0; c < classes; c++) {
        out[i * classes + c] = (float) row[c];
      }
    }
    return out;
  }
}
