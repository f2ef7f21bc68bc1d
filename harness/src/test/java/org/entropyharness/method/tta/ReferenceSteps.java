package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;

/**
 * PyTorch's EATA, SAR and DeYO steps on ResNet-20, written by {@code benchmarks/python/tta_step_reference.py}
 * (torch 1.13, each method after its paper and its authors' code), and the inputs they were computed on.
 */
final class ReferenceSteps {
  private static final Path FILE = Path.of("src/test/resources/method/tta/resnet20-reference-steps.txt");
  /** The script's NOISE: uniform noise of ±64 grey levels. */
  private static final int NOISE = 64;
  private static TaggedRows rows;

  private ReferenceSteps() {}

  /** The rows of the fixture tagged {@code tag}, in file order. */
  static double[][] rows(String tag) {
    return file().rows(tag);
  }

  /** The single row tagged {@code tag}. */
  static double[] row(String tag) {
    double[][] rows = rows(tag);
    assertThat(rows.length).as("rows tagged %s in %s", tag, FILE).isEqualTo(1);
    return rows[0];
  }

  /** The single row tagged {@code tag}, as integers. */
  static int[] ints(String tag) {
    return java.util.Arrays.stream(row(tag)).mapToInt(v -> (int) v).toArray();
  }

  private static synchronized TaggedRows file() {
    if (rows == null) {
      rows = TaggedRows.read(FILE);
    }
    return rows;
  }

  /**
   * The first {@code count} CIFAR-10 test images with the script's noise: byte {@code i} of the NHWC array becomes
   * {@code clamp(v + floor((h − 128)·64 / 128), 0, 255)} with {@code h = ((i + 1)·2654435761 mod 2³²) >> 24}.
   */
  static ImageBatch noisyTestImages(int count) {
    ImageBatch clean = ModelFixtures.testImages(count);
    byte[] pixels = clean.pixels().clone();
    for (int i = 0; i < pixels.length; i++) {
      long h = ((i + 1L) * 2654435761L & 0xffffffffL) >>> 24;
      int value = (pixels[i] & 0xff) + Math.floorDiv((int) (h - 128) * NOISE, 128);
      pixels[i] = (byte) Math.max(0, Math.min(255, value));
    }
    return new ImageBatch(clean.height(), clean.width(), pixels, clean.labels(), clean.ids());
  }

  /** Logits of {@code batch} with batch statistics under {@code affine}, row-major. */
  static float[] logits(CifarResNet model, float[] affine, ImageBatch batch) {
    try (NDManager manager = model.newStepManager()) {
      return model.forward(CifarInput.toArray(manager, batch), manager.create(affine), true).toFloatArray();
    }
  }

  /**
   * Asserts that {@code actual} lies within {@code share} of the way the reference moved from {@code start}:
   * ‖actual − reference‖ ≤ share · ‖reference − start‖ (Euclidean), for a state whose last digits are not the same
   * from run to run but whose update must still be the reference's.
   */
  static void assertNearRelative(String what, float[] actual, double[][] expectedRows, float[] start, double share) {
    double[] expected = java.util.Arrays.stream(expectedRows).flatMapToDouble(java.util.Arrays::stream).toArray();
    assertThat(actual).as(what).hasSize(expected.length);
    double off = 0;
    double moved = 0;
    for (int i = 0; i < actual.length; i++) {
      off += (actual[i] - expected[i]) * (actual[i] - expected[i]);
      moved += (expected[i] - start[i]) * (expected[i] - start[i]);
    }
    double relative = Math.sqrt(off / moved);
    System.out.printf("%s: off PyTorch by %.3e of the %.3e it moved%n", what, relative, Math.sqrt(moved));
    assertThat(relative).as("%s: distance to PyTorch over PyTorch's own move", what).isLessThanOrEqualTo(share);
  }

  /** Asserts every value within {@code tolerance} of the reference, naming the worst index on failure. */
  static void assertClose(String what, float[] actual, double[][] expectedRows, double tolerance) {
    double[] expected = java.util.Arrays.stream(expectedRows).flatMapToDouble(java.util.Arrays::stream).toArray();
    assertThat(actual).as(what).hasSize(expected.length);
    int worst = 0;
    for (int i = 0; i < actual.length; i++) {
      worst = Math.abs(actual[i] - expected[i]) > Math.abs(actual[worst] - expected[worst]) ? i : worst;
    }
    System.out.printf("%s: largest difference to PyTorch %.3e at %d%n", what,
        Math.abs(actual[worst] - expected[worst]), worst);
    assertThat((double) actual[worst]).as("%s at index %d (the largest difference)", what, worst)
        .isCloseTo(expected[worst], org.assertj.core.data.Offset.offset(tolerance));
  }
}
