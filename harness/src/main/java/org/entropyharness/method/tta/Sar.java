package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.AdaptableClassifier;

/**
 * SAR (Niu et al., ICLR 2023): sharpness-aware minimisation of the entropy of reliable samples. The gradient at
 * θ of the mean entropy over samples with {@code H < E0} gives the ascent {@code ε = ρ g / ‖g‖}; the samples still
 * reliable at θ + ε give the gradient the optimizer applies at θ. An exponential moving average (0.9) of that
 * second loss below {@code reset-threshold} restores the initial weights (model recovery).
 */
final class Sar extends GradientMethod {
  private final double entropyMargin;
  private final double rho;
  private final double resetThreshold;
  private final double emaMomentum;
  private Double ema;

  Sar(AdaptableClassifier model, MethodParams params) {
    super("sar", model, params);
    this.entropyMargin = params.number("e-margin") * Math.log(model.classes());
    this.rho = params.number("rho");
    this.resetThreshold = params.number("reset-threshold");
    this.emaMomentum = params.number("ema-momentum");
  }

  @Override
  StepResult adapt(NDManager manager, float[] input, ImageBatch batch) {
    NDArray x = inputArray(manager, input, batch);
    float[] probabilities;
    boolean[] reliable;
    float[] ascent;
    try (Graph first = new Graph(manager, x, affine)) {
      probabilities = first.probabilities;
      if (!Entropies.allFinite(probabilities)) {
        return new StepResult(probabilities, model.classes(), 0, 0, 1);
      }
      NDArray entropies = Entropies.shannon(first.logits);
      reliable = below(entropies.toFloatArray(), null);
      ascent = first.gradient(entropies, meanWeights(reliable));
    }
    int backward = count(reliable);
    float[] grad = secondGradient(manager, x, reliable, perturbed(ascent));
    if (!Entropies.allFinite(ascent) || !Entropies.allFinite(grad)) {
      return new StepResult(probabilities, model.classes(), backward, 0, 1);
    }
    optimizer.step(affine, grad);
    if (ema != null && ema < resetThreshold) {
      reset();
      return new StepResult(probabilities, model.classes(), backward, 1, 0);
    }
    return new StepResult(probabilities, model.classes(), backward, 0, 0);
  }

  private float[] secondGradient(NDManager manager, NDArray x, boolean[] reliable, float[] at) {
    try (Graph second = new Graph(manager, x, at)) {
      NDArray entropies = Entropies.shannon(second.logits);
      float[] values = entropies.toFloatArray();
      boolean[] stillReliable = below(values, reliable);
      int n = count(stillReliable);
      if (n > 0) {
        double loss = 0;
        for (int i = 0; i < values.length; i++) {
          loss += stillReliable[i] ? values[i] / n : 0;
        }
        ema = ema == null ? loss : emaMomentum * ema + (1 - emaMomentum) * loss;
      }
      return second.gradient(entropies, meanWeights(stillReliable));
    }
  }

  /** θ + ρ g / (‖g‖ + 1e-12). */
  private float[] perturbed(float[] grad) {
    double norm = 0;
    for (float g : grad) {
      norm += (double) g * g;
    }
    double scale = rho / (Math.sqrt(norm) + 1e-12);
    float[] out = affine.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += (float) (grad[i] * scale);
    }
    return out;
  }

  private boolean[] below(float[] entropies, boolean[] within) {
    boolean[] out = new boolean[entropies.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (within == null || within[i]) && entropies[i] < entropyMargin;
    }
    return out;
  }

  /** 1/|S| on the selected samples: the mean over S; an empty S gives a zero gradient, as in the reference. */
  private static float[] meanWeights(boolean[] selected) {
    int n = count(selected);
    float[] weights = new float[selected.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = selected[i] ? 1f / n : 0f;
    }
    return weights;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }

  /** The moving average of the second loss, or null before the first reliable batch. */
  Double ema() {
    return ema;
  }

  @Override
  void resetState() {
    ema = null;
  }
}
