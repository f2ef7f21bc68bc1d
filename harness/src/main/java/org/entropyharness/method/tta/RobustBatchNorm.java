package org.entropyharness.method.tta;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.entropyharness.model.AdaptableClassifier;

/**
 * RoTTA's robust BatchNorm ({@code RobustBN2d}): normalises with statistics that follow the test batches by an
 * exponential moving average. In training mode each layer first moves its statistics towards the batch's,
 * {@code μ ← (1 − α) μ + α μ_B} and {@code σ² ← (1 − α) σ² + α σ²_B} (biased variance), and normalises with the
 * moved values, so the gradient flows through the batch statistics; in evaluation mode it normalises with the
 * stored values. Statistics live in one flat array, per layer its means then its variances.
 */
final class RobustBatchNorm implements AdaptableClassifier.Normaliser {
  private static final float EPS = 1e-5f;
  private final AdaptableClassifier model;
  private final int[] channels;
  private final double momentum;
  private float[] statistics;
  private boolean training;

  RobustBatchNorm(AdaptableClassifier model, float[] statistics, double momentum) {
    this.model = model;
    this.channels = model.batchNormChannels();
    this.statistics = statistics.clone();
    this.momentum = momentum;
  }

  /** This normaliser in training mode (statistics move) or evaluation mode (they stay). */
  RobustBatchNorm training(boolean on) {
    this.training = on;
    return this;
  }

  float[] statistics() {
    return statistics.clone();
  }

  void restore(float[] values) {
    statistics = values.clone();
  }

  @Override
  public NDArray normalise(int layer, NDArray y, NDArray gamma, NDArray beta) {
    int c = channels[layer];
    int offset = model.affineOffset(layer);
    var manager = y.getManager();
    NDArray mean = manager.create(java.util.Arrays.copyOfRange(statistics, offset, offset + c));
    NDArray var = manager.create(java.util.Arrays.copyOfRange(statistics, offset + c, offset + 2 * c));
    if (training) {
      // Per channel over batch and pixels (the engine reduces over one axis at a time).
      NDArray flat = y.transpose(1, 0, 2, 3).reshape(c, -1);
      NDArray batchMean = flat.mean(new int[] {1});
      NDArray centred = flat.sub(batchMean.reshape(c, 1));
      NDArray batchVar = centred.mul(centred).mean(new int[] {1});
      mean = mean.mul(1 - momentum).add(batchMean.mul(momentum));
      var = var.mul(1 - momentum).add(batchVar.mul(momentum));
      System.arraycopy(mean.stopGradient().toFloatArray(), 0, statistics, offset, c);
      System.arraycopy(var.stopGradient().toFloatArray(), 0, statistics, offset + c, c);
    }
    Shape shape = new Shape(1, c, 1, 1);
    NDArray normalised = y.sub(mean.reshape(shape)).div(var.add(EPS).sqrt().reshape(shape));
    return normalised.mul(gamma.reshape(shape)).add(beta.reshape(shape));
  }
}
