package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entropyharness.format.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsFileTest {
  @TempDir Path dir;

  private static WeightsFile tiny() {
    TinyGptConfig config = new TinyGptConfig(31, 8, 2, 1, 16, 12);
    Map<String, float[]> tensors = new LinkedHashMap<>();
    float[] counter = {0};
    config.parameterShapes().forEach((name, shape) -> {
      float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
      for (int i = 0; i < v.length; i++) {
        v[i] = counter[0]++ * 0.5f;
      }
      tensors.put(name, v);
    });
    return new WeightsFile(config, tensors);
  }

  @Test
  void should_read_back_what_it_wrote() throws Exception {
    WeightsFile original = tiny();
    Path file = dir.resolve("w.bin");
    original.write(file);
    WeightsFile read = WeightsFile.read(file);
    assertThat(read.config()).isEqualTo(original.config());
    assertThat(read.tensors().keySet()).containsExactlyElementsOf(original.tensors().keySet());
    original.tensors().forEach((name, v) -> assertThat(read.tensor(name)).containsExactly(v));
  }

  @Test
  void should_report_a_truncated_file_with_its_path() throws Exception {
    Path file = dir.resolve("w.bin");
    tiny().write(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> WeightsFile.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:1: weights file is truncated; copy it again or retrain");
  }

  @Test
  void should_reject_a_file_of_another_format() throws Exception {
    Path file = dir.resolve("w.bin");
    Files.write(file, new byte[64]);
    assertThatThrownBy(() -> WeightsFile.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:1: not an EHLM version 1 or 2 weights file; regenerate it with harness"
            + " train-embedded or harness train-rl");
  }

  @Test
  void should_store_half_precision_in_half_the_bytes_and_read_back_exact_halves() throws Exception {
    WeightsFile original = tiny();
    Path full = dir.resolve("w32.bin");
    Path half = dir.resolve("w16.bin");
    original.write(full);
    original.write(half, WeightsFile.Precision.FLOAT16);
    int values = original.tensors().values().stream().mapToInt(v -> v.length).sum();
    assertThat(Files.size(full) - Files.size(half)).isEqualTo(2L * values);
    assertThat(Files.readAllBytes(half)[4]).as("version byte").isEqualTo((byte) 2);
    WeightsFile read = WeightsFile.read(half);
    // tiny()'s values are multiples of 0.5 below 1024, all exact in binary16 (11 significant bits)
    assertThat(values).isLessThan(2048);
    original.tensors().forEach((name, v) -> assertThat(read.tensor(name)).as(name).containsExactly(v));
  }

  @Test
  void should_still_read_the_shipped_float32_model() throws Exception {
    WeightsFile shipped = WeightsFile.read(JavaTransformerTest.DATASETS.resolve(EmbeddedModel.SHIPPED_WEIGHTS));
    assertThat(shipped.config()).isEqualTo(new TinyGptConfig(new CharTokenizer().vocabularySize(), 128, 4, 3, 512, 128));
  }
}
