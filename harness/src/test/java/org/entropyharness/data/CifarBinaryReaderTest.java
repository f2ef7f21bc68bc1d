package org.entropyharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  @Test
  void should_read_the_shipped_cifar10_test_batch() throws Exception {
    Path root = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath();
    ImageBatch b = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), 10);
    assertThat(b.count()).isEqualTo(10);
    assertThat(b.labels()).containsExactly(3, 8, 8, 0, 6, 6, 1, 6, 3, 1);
    assertThat(b.ids().get(9)).isEqualTo("test_batch/9");
  }

  @Test
  void should_take_the_fine_label_of_cifar100_records() throws Exception {
    byte[] raw = new byte[2 * 3074];
    raw[0] = 4;
    raw[1] = 72;
    raw[2] = 10;
    raw[2 + 1024] = 20;
    raw[2 + 2048] = 30;
    raw[3074] = 1;
    raw[3075] = 99;
    Path file = dir.resolve("test.bin");
    Files.write(file, raw);
    ImageBatch b = CifarBinaryReader.readCifar100(file, 0);
    assertThat(b.labels()).containsExactly(72, 99);
    assertThat(new byte[] {b.pixels()[0], b.pixels()[1], b.pixels()[2]}).containsExactly(10, 20, 30);
    assertThatThrownBy(() -> CifarBinaryReader.read(file, 0))
        .hasMessageContaining("is not a whole number of CIFAR-10 records of 3073 bytes");
  }
}
