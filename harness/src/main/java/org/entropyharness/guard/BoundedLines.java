package org.entropyharness.guard;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a text file read as exact UTF-8, each at most {@link Limits#LINE_CHARS} characters: a file of one
 * endless line (or a FIFO fed forever) cannot fill the heap, and a byte that is not UTF-8 is reported at its line
 * instead of as {@code Input length = 1}. Open it on a path that passed {@link InputFiles#require}.
 */
public final class BoundedLines implements Closeable {
  private final Path file;
  private final BufferedReader in;
  private int lineNumber;

  /** Opens a file that passes {@link InputFiles#require} for the kind. */
  public BoundedLines(Path file, FileKind kind) throws IOException {
    this.file = InputFiles.require(file, kind);
    this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  /** The next line without its line break, or null at the end of the file. */
  public String next() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    try {
      while ((c = in.read()) >= 0 && c != '\n') {
        if (line.length() >= Limits.LINE_CHARS) {
          throw new InputFileException(file, lineNumber + 1, 1, "a line longer than " + Limits.LINE_CHARS
              + " characters (docs/limits.md); put one record per line");
        }
        line.append((char) c);
      }
    } catch (CharacterCodingException e) {
      throw new InputFileException(file, lineNumber + 1, line.length() + 1,
          "not UTF-8 text; save the file as UTF-8");
    }
    if (c < 0 && line.length() == 0) {
      return null;
    }
    lineNumber++;
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
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
