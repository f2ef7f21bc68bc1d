package org.entropyharness.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
  @TempDir Path dir;

  @Test
  void should_read_back_what_the_writer_wrote() throws Exception {
    byte[] data = new byte[2 * 32 * 32 * 3];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    Path file = dir.resolve("x.npy");
    NpyWriter.writeUint8(file, data, List.of(2L, 32L, 32L, 3L));
    NpyHeader h = NpyReader.header(file);
    assertThat(h.dtype()).isEqualTo("|u1");
    assertThat(h.shape()).containsExactly(2L, 32L, 32L, 3L);
    assertThat(h.dataOffset() % 64).isZero();
    assertThat(NpyReader.readBytes(file, h, 0, data.length)).isEqualTo(data);
    assertThat(NpyReader.readBytes(file, h, 3072, 3072)).isEqualTo(Arrays.copyOfRange(data, 3072, 6144));
  }

  @Test
  void should_read_int64_and_uint8_labels() throws Exception {
    int[] labels = {0, 9, 3, 255};
    NpyWriter.writeInt64(dir.resolve("a.npy"), labels);
    NpyWriter.writeLabelsUint8(dir.resolve("b.npy"), labels);
    assertThat(NpyReader.readInts(dir.resolve("a.npy"))).containsExactly(labels);
    assertThat(NpyReader.readInts(dir.resolve("b.npy"))).containsExactly(labels);
    assertThat(Files.readString(dir.resolve("a.npy"), StandardCharsets.ISO_8859_1))
        .contains("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }");
  }

  @Test
  void should_read_files_written_by_numpy() throws Exception {
    Path ints = Path.of(getClass().getResource("/npy/numpy_int64_arange5.npy").toURI());
    Path bytes = Path.of(getClass().getResource("/npy/numpy_uint8_2x3.npy").toURI());
    assertThat(NpyReader.readInts(ints)).containsExactly(0, 1, 2, 3, 4);
    NpyHeader h = NpyReader.header(bytes);
    assertThat(h.shape()).containsExactly(2L, 3L);
    assertThat(NpyReader.readBytes(bytes, h, 0, 6)).containsExactly(0, 40, 80, 120, (byte) 160, (byte) 200);
  }

  @Test
  void should_write_the_bytes_numpy_writes() throws Exception {
    Path ours = dir.resolve("ours.npy");
    NpyWriter.writeInt64(ours, new int[] {0, 1, 2, 3, 4});
    Path numpys = Path.of(getClass().getResource("/npy/numpy_int64_arange5.npy").toURI());
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(numpys));
  }

  @Test
  void should_read_a_version_2_header() throws Exception {
    Path file = dir.resolve("v2.npy");
    write(file, 2, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", new byte[] {1, 0, 0, 0, 2, 0, 0, 0,
        -1, -1, -1, -1});
    assertThat(NpyReader.readInts(file)).containsExactly(1, 2, -1);
  }

  @Test
  void should_locate_a_truncated_file() throws Exception {
    Path file = dir.resolve("t.npy");
    NpyWriter.writeUint8(file, new byte[100], List.of(100L));
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - 10));
    assertThatThrownBy(() -> NpyReader.header(file)).isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:" + (all.length - 9) + ": shape [100] of |u1 needs 100 data bytes after the header"
            + " but the file has 90; the file is truncated or its header is wrong");
  }

  @Test
  void should_locate_a_bad_header() throws Exception {
    Path file = dir.resolve("bad.npy");
    write(file, 1, "{'descr': '|u1', 'fortran_order': False, 'shape': (3; 2), }", new byte[6]);
    assertThatThrownBy(() -> NpyReader.header(file))
        .hasMessage(file + ":1:63: expected ',' or ')' in 'shape'");
    write(file, 4, "{}", new byte[0]);
    assertThatThrownBy(() -> NpyReader.header(file))
        .hasMessage(file + ":1:7: .npy format version 4 is unknown; allowed: 1, 2, 3");
    Files.writeString(file, "PK\3\4 not numpy");
    assertThatThrownBy(() -> NpyReader.header(file)).hasMessageStartingWith(file + ":1:1: not a .npy file");
  }

  @Test
  void should_reject_float_and_fortran_arrays() throws Exception {
    Path file = dir.resolve("f.npy");
    write(file, 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
    assertThatThrownBy(() -> NpyReader.header(file)).hasMessageContaining("dtype '<f4' is not supported");
    write(file, 1, "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2), }", new byte[4]);
    assertThatThrownBy(() -> NpyReader.header(file)).hasMessageContaining("fortran_order is True");
  }

  /** Writes a .npy with a hand-made header, padded to 64 bytes as numpy does. */
  static void write(Path file, int version, String dict, byte[] data) throws Exception {
    int pre = version == 1 ? 10 : 12;
    int total = (pre + dict.length() + 1 + 63) / 64 * 64;
    String header = dict + " ".repeat(total - pre - dict.length() - 1) + "\n";
    byte[] out = new byte[total + data.length];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0};
    System.arraycopy(magic, 0, out, 0, 8);
    int len = header.length();
    out[8] = (byte) len;
    out[9] = (byte) (len >> 8);
    System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, out, pre, len);
    System.arraycopy(data, 0, out, total, data.length);
    Files.write(file, out);
  }
}
