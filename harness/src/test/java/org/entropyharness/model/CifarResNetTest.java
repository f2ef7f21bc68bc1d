package org.entropyharness.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.data.ImageBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CifarResNetTest {
  private static CifarResNet model;
  private static ImageBatch images;

  @BeforeAll
  static void load() {
    model = ModelFixtures.loadResnet20();
    images = ModelFixtures.testImages(500);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** Reference logits: benchmarks/python/tta_reference.py fixture (PyTorch 1.13, same checkpoint). */
  static float[][] reference(String tag) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/model/resnet20-reference-logits.txt"));
    return lines.stream().filter(l -> l.startsWith(tag + " "))
        .map(l -> l.substring(tag.length() + 1).split(" "))
        .map(parts -> {
          float[] row = new float[parts.length];
          for (int i = 0; i < parts.length; i++) {
            row[i] = Float.parseFloat(parts[i]);
          }
          return row;
        })
        .toArray(float[][]::new);
  }

  static void assertLogits(float[] actual, float[][] expected) {
    for (int i = 0; i < expected.length; i++) {
      for (int c = 0; c < expected[i].length; c++) {
        assertThat(actual[i * 10 + c]).as("image %d class %d", i, c).isCloseTo(expected[i][c], within(1e-4f));
      }
    }
  }

  @Test
  void should_match_pytorch_logits_with_running_statistics() throws IOException {
    try (NDManager step = NDManager.newBaseManager(model.device())) {
      NDArray logits = model.forwardEval(CifarInput.toArray(step, images.slice(0, 16)));

      assertLogits(logits.toFloatArray(), reference("source"));
    }
  }

  @Test
  void should_match_pytorch_logits_with_batch_statistics_and_leave_running_statistics_intact() throws IOException {
    try (NDManager step = NDManager.newBaseManager(model.device())) {
      NDArray input = CifarInput.toArray(step, images.slice(0, 16));
      NDArray affine = step.create(model.initialAffine());
      float[] before = model.forwardEval(input).toFloatArray();

      NDArray logits = model.forward(input, affine, true);

      assertLogits(logits.toFloatArray(), reference("bn-adapt"));
      assertThat(model.forwardEval(input).toFloatArray()).containsExactly(before);
    }
  }

  @Test
  void should_classify_the_first_500_test_images_like_the_checkpoint() {
    try (NDManager step = NDManager.newBaseManager(model.device())) {
      long[] predicted = model.forwardEval(CifarInput.toArray(step, images)).argMax(1).toLongArray();
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == images.labels()[i] ? 1 : 0;
      }

      assertThat(correct).isBetween(440, 480);
    }
  }

  @Test
  void should_lay_out_affine_parameters_per_batch_norm_layer() {
    assertThat(model.batchNormNames()).hasSize(19).startsWith("bn1", "layer1.0.bn1").endsWith("layer3.2.bn2");
    assertThat(model.initialAffine()).hasSize(2 * (16 + 6 * 16 + 6 * 32 + 6 * 64));
  }
}
