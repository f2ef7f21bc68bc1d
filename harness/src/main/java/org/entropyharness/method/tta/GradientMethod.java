package org.entropyharness.method.tta;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * Base of the methods that adapt BatchNorm affine parameters by gradient steps. The parameters live in a Java
 * array between steps; each step copies them into a fresh NDArray inside a per-step NDManager, so every native
 * buffer of the step is freed when it ends and a reset is an exact array copy.
 */
abstract class GradientMethod implements AdaptationMethod {
  private final String id;
  protected final AdaptableClassifier model;
  protected final MethodParams params;
  protected final Optimizer optimizer;
  private final float[] initial;
  protected float[] affine;

  GradientMethod(String id, AdaptableClassifier model, MethodParams params) {
    this.id = id;
    this.model = model;
    this.params = params;
    this.initial = model.initialAffine();
    this.affine = initial.clone();
    this.optimizer = Optimizer.fromParams(params, initial.length);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public final StepResult step(ImageBatch batch) {
    try (NDManager manager = model.newStepManager()) {
      return adapt(manager, CifarInput.normaliseNhwc(batch), batch);
    }
  }

  /** Probabilities with batch statistics under the current affine parameters; nothing changes. */
  @Override
  public StepResult predict(ImageBatch batch) {
    try (NDManager manager = model.newStepManager()) {
      float[] p = probabilitiesWithoutGradient(manager, inputArray(manager, CifarInput.normaliseNhwc(batch), batch), affine);
      return new StepResult(p, model.classes(), 0, 0, Entropies.allFinite(p) ? 0 : 1);
    }
  }

  /** One step on the normalised NHWC input; arrays go into {@code manager}. */
  abstract StepResult adapt(NDManager manager, float[] input, ImageBatch batch);

  @Override
  public void reset() {
    affine = initial.clone();
    optimizer.reset();
    resetState();
  }

  /** Restores method-specific running state (moving averages, random streams). */
  void resetState() {}

  /** The current affine vector (a copy), for tests and provenance. */
  float[] currentAffine() {
    return affine.clone();
  }

  /** The affine vector the method started from (a copy). */
  float[] initialAffine() {
    return initial.clone();
  }

  @Override
  public void close() {}

  /** A forward pass with batch statistics whose affine parameters collect a gradient. */
  final class Graph implements AutoCloseable {
    private final GradientCollector collector;
    private final NDArray affineArray;
    final NDArray logits;
    final float[] probabilities;

    Graph(NDManager manager, NDArray input, float[] at) {
      collector = Engine.getEngine("PyTorch").newGradientCollector();
      try {
        affineArray = manager.create(at);
        affineArray.setRequiresGradient(true);
        logits = model.forward(input, affineArray, true);
        probabilities = logits.softmax(1).toFloatArray();
      } catch (RuntimeException e) {
        // The engine allows one open collector per process: a leaked one would fail every later step.
        collector.close();
        throw e;
      }
    }

    /** Back-propagates {@code Σ weights·values} and returns the gradient over the affine vector. */
    float[] gradient(NDArray values, float[] weights) {
      NDArray loss = values.mul(values.getManager().create(weights)).sum();
      collector.backward(loss);
      return affineArray.getGradient().toFloatArray();
    }

    @Override
    public void close() {
      collector.close();
    }
  }

  /** Probabilities of a forward pass with batch statistics and no gradient. */
  float[] probabilitiesWithoutGradient(NDManager manager, NDArray input, float[] at) {
    return model.forward(input, manager.create(at), true).softmax(1).toFloatArray();
  }

  /** The input array of a batch from its normalised NHWC values. */
  static NDArray inputArray(NDManager manager, float[] input, ImageBatch batch) {
    return CifarInput.toArray(manager, input, batch);
  }
}
