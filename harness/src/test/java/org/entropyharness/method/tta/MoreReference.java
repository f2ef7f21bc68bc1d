package org.entropyharness.method.tta;

import java.nio.file.Path;
import java.util.Map;

/**
 * PyTorch's steps of the open-set filter, LAME, CoTTA and RoTTA on ResNet-20, written by
 * {@code benchmarks/python/tta_more_reference.py} (torch 1.13), on {@link ReferenceSteps#noisyTestImages}.
 */
final class MoreReference {
  private static final Path FILE = Path.of("src/test/resources/method/tta/resnet20-more-reference.txt");
  private static TaggedRows rows;

  private MoreReference() {}

  /** The rows tagged {@code tag}, in file order. */
  static double[][] rows(String tag) {
    return file().rows(tag);
  }

  /** The single row tagged {@code tag}, as integers. */
  static int[] ints(String tag) {
    return java.util.Arrays.stream(rows(tag)[0]).mapToInt(v -> (int) v).toArray();
  }

  /** Parameters of {@code id}: its defaults with {@code overrides}. */
  static MethodParams params(String id, Map<String, Object> overrides) {
    return MethodParams.merge(id, TtaMethods.defaults(id), overrides);
  }

  /** The reference's deterministic augmentation: every image mirrored left to right. */
  static Augmentation flip() {
    return new Augmentation() {
      @Override
      public float[] apply(float[] images, int n, int size) {
        float[] out = images.clone();
        for (int row = 0; row < n * 3 * size; row++) {
          for (int c = 0; c < size; c++) {
            out[row * size + c] = images[row * size + size - 1 - c];
          }
        }
        return out;
      }

      @Override
      public void restart() {}
    };
  }

  private static synchronized TaggedRows file() {
    if (rows == null) {
      rows = TaggedRows.read(FILE);
    }
    return rows;
  }
}
