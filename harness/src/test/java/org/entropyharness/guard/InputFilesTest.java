package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void should_accept_a_regular_readable_file_within_its_kind() throws IOException {
    Path file = Files.writeString(dir.resolve("s.yaml"), "suite: s\n");

    assertThat(InputFiles.require(file, FileKind.SUITE)).isEqualTo(file);
  }

  @Test
  void should_say_no_such_file_only_for_a_path_that_does_not_exist() {
    assertThatThrownBy(() -> InputFiles.require(dir.resolve("missing.yaml"), FileKind.SUITE))
        .hasMessage(dir.resolve("missing.yaml") + ":1:1: no such file; check the path");
    assertThatThrownBy(() -> InputFiles.require(dir, FileKind.SUITE))
        .hasMessage(dir + ":1:1: a folder, not a regular file; give the path of a suite file");
  }

  @Test
  void should_refuse_devices_fifos_and_links_to_them() throws Exception {
    Path fifo = dir.resolve("fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    Path link = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));

    assertThatThrownBy(() -> InputFiles.require(Path.of("/dev/zero"), FileKind.CIFAR_BINARY))
        .hasMessage("/dev/zero:1:1: a character device, not a regular file; give the path of a CIFAR binary file");
    assertThatThrownBy(() -> InputFiles.require(fifo, FileKind.JSONL))
        .hasMessage(fifo + ":1:1: a FIFO (named pipe), not a regular file; give the path of a JSONL file");
    assertThatThrownBy(() -> InputFiles.require(link, FileKind.CHECKPOINT))
        .hasMessage(link + ":1:1: a character device, not a regular file; give the path of a checkpoint");
  }

  @Test
  void should_refuse_a_file_larger_than_its_kind_allows() throws IOException {
    Path big = Files.write(dir.resolve("big.yaml"), new byte[(int) Limits.SUITE_BYTES + 1]);

    assertThatThrownBy(() -> InputFiles.require(big, FileKind.SUITE)).hasMessage(big + ":1:1: 1048577 bytes, more"
        + " than the 1048576 bytes a suite file may have (docs/limits.md); check that this is the right file");
  }

  @Test
  void should_refuse_a_file_where_a_folder_belongs() throws IOException {
    Path file = Files.writeString(dir.resolve("labels.npy"), "x");

    assertThatThrownBy(() -> InputFiles.requireFolder(file, "CIFAR-10-C folder"))
        .hasMessage(file + ":1:1: a file, not a folder; give the CIFAR-10-C folder");
  }

  @Test
  void should_locate_the_first_byte_that_is_not_utf8_by_line_and_character() throws IOException {
    byte[] text = "ab\nçé x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[text.length + 1];
    System.arraycopy(text, 0, bad, 0, 8);
    bad[8] = (byte) 0xff;
    System.arraycopy(text, 8, bad, 9, text.length - 8);
    Path file = Files.write(dir.resolve("bad.yaml"), bad);

    // line 2 holds ç, é, space (three characters in five bytes) before the bad byte: column 4
    assertThatThrownBy(() -> InputFiles.readUtf8(file, FileKind.SUITE))
        .hasMessage(file + ":2:4: byte 0xff is not UTF-8 text; save the file as UTF-8");
  }
}
