package org.entropyharness.method.tta;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.AdaptableClassifier;

/**
 * EATA (Niu et al., ICML 2022): entropy minimisation on reliable (entropy below {@code E0 = e-margin·ln C}) and
 * non-redundant (|cosine similarity| to a moving average of past probabilities below {@code d-margin}) samples,
 * each weighted by the detached {@code exp(E0 − H)}, plus a Fisher-weighted anchor to the source parameters.
 * Without any selected sample the step makes no update, as in the reference code.
 */
final class Eata extends GradientMethod {
  private final double entropyMargin;
  private final double redundancyMargin;
  private final double fisherAlpha;
  private final float[] fisher;
  private float[] movingProbabilities;

  Eata(AdaptableClassifier model, MethodParams params, float[] fisher) {
    super("eata", model, params);
    this.entropyMargin = params.number("e-margin") * Math.log(model.classes());
    this.redundancyMargin = params.number("d-margin");
    this.fisherAlpha = params.number("fisher-alpha");
    this.fisher = fisher;
  }

  /** Result of the two filters on one batch. */
  record Selection(int reliable, int[] selected, float[] weights) {}

  @Override
  StepResult adapt(NDManager manager, float[] input, ImageBatch batch) {
    try (Graph graph = new Graph(manager, inputArray(manager, input, batch), affine)) {
      if (!Entropies.allFinite(graph.probabilities)) {
        return new StepResult(graph.probabilities, model.classes(), 0, 0, 1);
      }
      var entropies = Entropies.shannon(graph.logits);
      Selection selection = select(entropies.toFloatArray(), graph.probabilities);
      if (selection.selected().length == 0) {
        return new StepResult(graph.probabilities, model.classes(), 0, 0, 0);
      }
      float[] grad = graph.gradient(entropies, selection.weights());
      addFisherGradient(grad);
      if (!Entropies.allFinite(grad)) {
        return new StepResult(graph.probabilities, model.classes(), selection.selected().length, 0, 1);
      }
      optimizer.step(affine, grad);
      return new StepResult(graph.probabilities, model.classes(), selection.selected().length, 0, 0);
    }
  }

  /** Applies both filters, updates the moving average and returns the loss weights (mean over the selected). */
  Selection select(float[] entropies, float[] probabilities) {
    int classes = model.classes();
    List<Integer> reliable = new ArrayList<>();
    for (int i = 0; i < entropies.length; i++) {
      if (entropies[i] < entropyMargin) {
        reliable.add(i);
      }
    }
    List<Integer> selected = new ArrayList<>();
    for (int i : reliable) {
      if (movingProbabilities == null
          || Math.abs(cosine(movingProbabilities, probabilities, i * classes)) < redundancyMargin) {
        selected.add(i);
      }
    }
    updateMovingAverage(selected, probabilities);
    float[] weights = new float[entropies.length];
    for (int i : selected) {
      weights[i] = (float) (Math.exp(entropyMargin - entropies[i]) / selected.size());
    }
    return new Selection(reliable.size(), selected.stream().mapToInt(Integer::intValue).toArray(), weights);
  }

  private void updateMovingAverage(List<Integer> selected, float[] probabilities) {
    if (selected.isEmpty()) {
      return;
    }
    int classes = model.classes();
    float[] mean = new float[classes];
    for (int i : selected) {
      for (int c = 0; c < classes; c++) {
        mean[c] += probabilities[i * classes + c] / selected.size();
      }
    }
    if (movingProbabilities != null) {
      for (int c = 0; c < classes; c++) {
        mean[c] = 0.9f * movingProbabilities[c] + 0.1f * mean[c];
      }
    }
    movingProbabilities = mean;
  }

  /** Cosine similarity as torch's F.cosine_similarity (eps 1e-8). */
  private static double cosine(float[] a, float[] rows, int offset) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int c = 0; c < a.length; c++) {
      dot += a[c] * rows[offset + c];
      na += a[c] * a[c];
      nb += rows[offset + c] * rows[offset + c];
    }
    return dot / Math.max(Math.sqrt(na) * Math.sqrt(nb), 1e-8);
  }

  /** Gradient of {@code α Σ F (θ − θ0)²}, added analytically. */
  private void addFisherGradient(float[] grad) {
    if (fisher == null || fisherAlpha == 0) {
      return;
    }
    float[] anchor = initialAffine();
    for (int i = 0; i < grad.length; i++) {
      grad[i] += (float) (2 * fisherAlpha * fisher[i] * (affine[i] - anchor[i]));
    }
  }

  @Override
  void resetState() {
    movingProbabilities = null;
  }
}
