package org.entropyharness.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;

/**
 * Turns uint8 NHWC images into the network input: float32, scaled to [0, 1], then normalised per channel with the
 * ImageNet mean and standard deviation the CIFAR ResNets were trained with. The values stay in the pixels' NHWC
 * order; the array the network reads is NCHW in shape and channels-last in memory (see {@link ChannelsLast}).
 */
public final class CifarInput {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private CifarInput() {}

  /** Normalised values of all images in NHWC order (the order of {@link ImageBatch#pixels()}). */
  public static float[] normaliseNhwc(ImageBatch batch) {
    byte[] pixels = batch.pixels();
    float[] out = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      int c = i % 3;
      // Same float32 steps as torchvision's ToTensor then Normalize, so logits match PyTorch closely.
      float scaled = (pixels[i] & 0xff) / 255f;
      out[i] = (scaled - MEAN[c]) / STD[c];
    }
    return out;
  }

  /** Images as NCHW floats in [0, 1] ({@code byte / 255}), before normalisation (for augmentations). */
  public static float[] unit(ImageBatch batch) {
    int n = batch.count();
    int plane = batch.height() * batch.width();
    byte[] pixels = batch.pixels();
    float[] out = new float[n * 3 * plane];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          out[(i * 3 + c) * plane + p] = (pixels[(i * plane + p) * 3 + c] & 0xff) / 255f;
        }
      }
    }
    return out;
  }

  /** Normalises NCHW values in [0, 1] as {@link #normaliseNhwc} does bytes. */
  public static float[] normaliseUnit(float[] unit, int planeSize) {
    float[] out = new float[unit.length];
    for (int i = 0; i < unit.length; i++) {
      int c = (i / planeSize) % 3;
      out[i] = (unit[i] - MEAN[c]) / STD[c];
    }
    return out;
  }

  /** The normalised batch as an NCHW array owned by {@code manager}. */
  public static NDArray toArray(NDManager manager, ImageBatch batch) {
    return toArray(manager, normaliseNhwc(batch), batch);
  }

  /**
   * An NCHW array over values from {@link #normaliseNhwc} (or a transform of them in the same order) for images of
   * {@code shape}'s count and size.
   */
  public static NDArray toArray(NDManager manager, float[] nhwc, ImageBatch shape) {
    return ChannelsLast.images(manager, nhwc, nhwc.length / shape.imageBytes(), 3, shape.height(), shape.width());
  }
}
