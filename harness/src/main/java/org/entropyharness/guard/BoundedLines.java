package org.entropyharness.guard;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a text file read as exact UTF-8, each at most {@link Limits#LINE_CHARS} bytes: a file of one endless
 * line cannot fill the heap, and a byte that is not UTF-8 is reported at its line and column instead of as
 * {@code Input length = 1}. Lines are split on bytes and decoded one at a time, so the position is the byte's own.
 */
public final class BoundedLines implements Closeable {
  private final Path file;
  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int lineNumber;

  /** Opens a file that passes {@link InputFiles#require} for the kind. */
  public BoundedLines(Path file, FileKind kind) throws IOException {
    this.file = InputFiles.require(file, kind);
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The next line without its line break, or null at the end of the file. */
  public String next() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() >= Limits.LINE_CHARS) {
        throw new InputFileException(file, lineNumber + 1, 1, "a line longer than " + Limits.LINE_CHARS
            + " bytes (docs/limits.md); put one record per line");
      }
      line.write(b);
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    try {
      return InputFiles.decodeUtf8(file, java.util.Arrays.copyOf(bytes, end));
    } catch (InputFileException e) {
      throw new InputFileException(file, lineNumber, e.column(), e.problem());
    }
  }

  /** The 1-based number of the line {@link #next} returned last. */
  public int lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
