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
        .hasMessageContaining("not an EHLM version 1 weights file");
  }
}
