package org.entropyharness.data;

import java.util.List;
import java.util.Objects;

/**
 * Labelled RGB images as uint8 pixels in NHWC order (the layout of CIFAR-10-C's .npy files), the one type every
 * image reader yields.
 *
 * @param height image height in pixels
 * @param width image width in pixels
 * @param pixels {@code count × height × width × 3} bytes, row-major, channels last, values 0..255 unsigned
 * @param labels class index per image
 * @param ids a stable id per image, unique within a dataset (used to pair items across runs)
 */
public record ImageBatch(int height, int width, byte[] pixels, int[] labels, List<String> ids) {

  public ImageBatch {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    ids = List.copyOf(ids);
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
    if (labels.length != ids.size()) {
      throw new IllegalArgumentException(labels.length + " labels but " + ids.size() + " ids");
    }
    if ((long) labels.length * height * width * 3 != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " pixel bytes do not hold " + labels.length + " images of " + height + "x" + width + "x3");
    }
  }

  /** Number of images. */
  public int count() {
    return labels.length;
  }

  /** Bytes per image ({@code height × width × 3}). */
  public int imageBytes() {
    return height * width * 3;
  }

  /** Images {@code [from, to)} as a new batch sharing no arrays with this one. */
  public ImageBatch slice(int from, int to) {
    Objects.checkFromToIndex(from, to, count());
    byte[] part = new byte[(to - from) * imageBytes()];
    System.arraycopy(pixels, from * imageBytes(), part, 0, part.length);
    int[] partLabels = java.util.Arrays.copyOfRange(labels, from, to);
    return new ImageBatch(height, width, part, partLabels, ids.subList(from, to));
  }
}
