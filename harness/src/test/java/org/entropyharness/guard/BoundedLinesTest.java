package org.entropyharness.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedLinesTest {
  @TempDir Path dir;

  @Test
  void should_read_lines_without_their_breaks() throws IOException {
    Path file = Files.write(dir.resolve("a.jsonl"), "one\r\ntwo\n\nfour".getBytes(StandardCharsets.UTF_8));

    assertThat(lines(file)).containsExactly("one", "two", "", "four");
  }

  @Test
  void should_refuse_a_line_longer_than_the_limit_before_holding_it() throws IOException {
    Path file = Files.writeString(dir.resolve("long.jsonl"), "ok\n" + "x".repeat(Limits.LINE_CHARS + 1) + "\n");

    assertThatThrownBy(() -> lines(file)).hasMessage(file + ":2:1: a line longer than 4194304 bytes (docs/limits.md);"
        + " put one record per line");
  }

  @Test
  void should_locate_a_byte_that_is_not_utf8_on_its_own_line() throws IOException {
    byte[] head = "{\"a\": 1}\n{\"a\": 2}\n{\"q\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xc3; // a two-byte sequence cut short by a quote
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = '}';
    Path file = Files.write(dir.resolve("bad.jsonl"), bytes);

    assertThatThrownBy(() -> lines(file)).hasMessage(file + ":3:8: byte 0xc3 is not UTF-8 text; save the file as UTF-8");
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BoundedLines lines = new BoundedLines(file, FileKind.JSONL)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        out.add(line);
      }
    }
    return out;
  }
}
