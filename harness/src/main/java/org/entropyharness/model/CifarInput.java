package org.entropyharness.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.entropyharness.data.ImageBatch;

/**
 * Turns uint8 NHWC images into the network input: NCHW float32, scaled to [0, 1], then normalised per channel
 * with the ImageNet mean and standard deviation the CIFAR ResNets were trained with.
 */
public final class CifarInput {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private CifarInput() {}

  /** Normalised NCHW values of all images, row-major. */
  public static float[] normalise(ImageBatch batch) {
    int n = batch.count();
    int plane = batch.height() * batch.width();
    byte[] pixels = batch.pixels();
    float[] out = new float[n * 3 * plane];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < plane; p++) {
        int in = (i * plane + p) * 3;
        for (int c = 0; c < 3; c++) {
          // Same float32 steps as torchvision's ToTensor then Normalize, so logits match PyTorch closely.
          float scaled = (pixels[in + c] & 0xff) / 255f;
          out[(i * 3 + c) * plane + p] = (scaled - MEAN[c]) / STD[c];
        }
      }
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

  /** Normalises NCHW values in [0, 1] as {@link #normalise} does bytes. */
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
    Shape shape = new Shape(batch.count(), 3, batch.height(), batch.width());
    return manager.create(normalise(batch), shape);
  }
}
