package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {
  @TempDir Path dir;

  @Test
  void should_never_take_a_device_as_an_output_file() {
    assertThatThrownBy(() -> OutputTargets.file(Path.of("/dev/null"), "--out")).hasMessage("/dev/null:1:1: --out is a"
        + " character device, not a regular file; name a new file or a regular one to replace");
    assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
  }

  @Test
  void should_take_a_new_or_regular_file_and_refuse_a_folder_or_a_path_under_a_file() throws IOException {
    Path file = Files.writeString(dir.resolve("graded.jsonl"), "{}\n");

    assertThat(OutputTargets.file(file, "--out")).isEqualTo(file);
    assertThat(OutputTargets.file(dir.resolve("new/graded.jsonl"), "--out")).isNotNull();
    assertThatThrownBy(() -> OutputTargets.file(dir, "--out"))
        .hasMessage(dir + ":1:1: --out is a folder, not a regular file; name a new file or a regular one to replace");
    assertThatThrownBy(() -> OutputTargets.file(file.resolve("x.jsonl"), "--out")).hasMessage(file.resolve("x.jsonl")
        + ":1:1: --out lies under " + file + ", which is a file; name a path inside a folder");
  }

  @Test
  void should_refuse_an_output_inside_or_around_an_input() throws IOException {
    Path shard = Files.createDirectories(dir.resolve("runs/shard-1/cells"));

    assertThatThrownBy(() -> OutputTargets.outside(shard.resolve("merged"), List.of(dir.resolve("runs/shard-1")), "--out"))
        .hasMessage(shard.resolve("merged") + ":1:1: --out lies inside the input " + dir.resolve("runs/shard-1")
            + "; write the result to a folder apart from the inputs");
    assertThatThrownBy(() -> OutputTargets.outside(dir.resolve("runs"), List.of(dir.resolve("runs/shard-1")), "--out"))
        .hasMessageContaining("--out lies around the input");
    assertThatNoException().isThrownBy(
        () -> OutputTargets.outside(dir.resolve("merged"), List.of(dir.resolve("runs/shard-1")), "--out"));
  }
}
