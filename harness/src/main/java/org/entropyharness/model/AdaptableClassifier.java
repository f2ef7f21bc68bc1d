package org.entropyharness.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What a test-time adaptation method sees of a classifier: a network whose BatchNorm layers it may re-normalise and
 * whose BatchNorm affine parameters it owns as one flat vector, passed into every forward pass. The methods of
 * {@code method.tta} depend on this interface only, so another network (a WideResNet, a GroupNorm ResNet) plugs in
 * by implementing it; {@link CifarResNet} is the one shipped.
 *
 * <p>The flat vector's layout: for each BatchNorm layer in forward order, its scale (γ) then its shift (β). Every
 * array a forward pass creates is attached to the input's manager, so callers open one {@link #newStepManager()}
 * per batch.
 */
public interface AdaptableClassifier extends AutoCloseable {

  /** Number of output classes. */
  int classes();

  /** The checkpoint's BatchNorm affine parameters as one flat vector (layout above); a fresh copy each call. */
  float[] initialAffine();

  /** Channels of each BatchNorm layer in the order of {@link #initialAffine()}. */
  int[] batchNormChannels();

  /** Where layer {@code layer}'s values start in the flat affine (and statistics) vector. */
  int affineOffset(int layer);

  /**
   * The checkpoint's BatchNorm running statistics in the layout of {@link #initialAffine()} (per layer its means
   * then its variances), a fresh copy.
   */
  float[] runningStatistics();

  /** A sub-manager for the arrays of one batch or step; close it when the step ends. */
  NDManager newStepManager();

  /** Logits with BatchNorm on its running statistics and the checkpoint's affine parameters (inference). */
  NDArray forwardEval(NDArray input);

  /**
   * Logits of a batch.
   *
   * @param input normalised images, see {@link CifarInput}
   * @param affine the flat BatchNorm affine vector (may require a gradient), on the input's device
   * @param batchStatistics true: BatchNorm normalises with the statistics of this batch (running statistics are
   *     neither used nor changed); false: with the running statistics
   */
  NDArray forward(NDArray input, NDArray affine, boolean batchStatistics);

  /** Logits with every BatchNorm layer computed by {@code normaliser}. */
  NDArray forward(NDArray input, NDArray affine, Normaliser normaliser);

  /** The penultimate features with BatchNorm on its running statistics; the logits are {@code classify(features)}. */
  NDArray featuresEval(NDArray input);

  /** Logits of penultimate features: the final linear layer. */
  NDArray classify(NDArray features);

  /** Releases the network's native arrays. */
  @Override
  void close();

  /**
   * How a caller normalises each BatchNorm layer itself (RoTTA's robust BatchNorm): given the layer's index in the
   * order of {@link #initialAffine()}, the convolution's output and the layer's scale and shift, it returns the
   * layer's output.
   */
  @FunctionalInterface
  interface Normaliser {
    NDArray normalise(int layer, NDArray convolved, NDArray gamma, NDArray beta);
  }
}
