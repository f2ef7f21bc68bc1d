package org.entropyharness.data;

import org.entropyharness.format.DataFormatException;
import org.entropyharness.format.NpyWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarCReaderTest {
  private static final int IMAGE = 32 * 32 * 3;
  @TempDir Path dir;

  @Test
  void should_read_one_severity_block_with_stable_ids() throws Exception {
    int n = 4;
    byte[] px = new byte[5 * n * IMAGE];
    for (int b = 0; b < 5 * n; b++) {
      px[b * IMAGE] = (byte) b;
    }
    NpyWriter.writeUint8(dir.resolve("fog.npy"), px, List.of(5L * n, 32L, 32L, 3L));
    int[] labels = new int[5 * n];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % n;
    }
    NpyWriter.writeInt64(dir.resolve("labels.npy"), labels);
    ImageBatch b = CifarCReader.read(dir, "fog", 3, 3);
    assertThat(b.ids()).containsExactly("fog/3/0", "fog/3/1", "fog/3/2");
    assertThat(b.labels()).containsExactly(0, 1, 2);
    assertThat(b.pixels()[0]).isEqualTo((byte) 8);
    assertThat(b.pixels()[IMAGE]).isEqualTo((byte) 9);
  }

  @Test
  void should_reject_a_mis_shaped_array_with_a_located_message() throws Exception {
    NpyWriter.writeUint8(dir.resolve("snow.npy"), new byte[5 * 32 * 32], List.of(5L, 32L, 32L));
    NpyWriter.writeLabelsUint8(dir.resolve("labels.npy"), new int[5]);
    assertThatThrownBy(() -> CifarCReader.read(dir, "snow", 1, 0)).isInstanceOf(DataFormatException.class)
        .hasMessage(dir.resolve("snow.npy") + ":1:1: shape [5, 32, 32] dtype |u1 is not (N, 32, 32, 3) uint8;"
            + " expected CIFAR-10-C images");
  }

  @Test
  void should_honour_the_severities_sidecar() throws Exception {
    NpyWriter.writeUint8(dir.resolve("fog.npy"), new byte[2 * IMAGE], List.of(2L, 32L, 32L, 3L));
    NpyWriter.writeLabelsUint8(dir.resolve("labels.npy"), new int[] {1, 1});
    Files.writeString(dir.resolve(CifarCReader.SEVERITIES_FILE), "2 5\n");
    assertThat(CifarCReader.read(dir, "fog", 5, 0).ids()).containsExactly("fog/5/0");
    assertThatThrownBy(() -> CifarCReader.read(dir, "fog", 1, 0))
        .hasMessageEndingWith("severity 1 is not stored here; available: [2, 5]");
  }
}
