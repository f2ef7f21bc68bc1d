package org.entropyharness.suite;

import java.nio.file.Path;

/**
 * A place in a suite file, 1-based, printed the way editors and IDEs jump to it: {@code file:line:column}.
 *
 * @param file the file as resolved (absolute or relative to the working directory)
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePosition(Path file, int line, int column) {

  /** The start of a file, for errors that concern the file as a whole. */
  public static SourcePosition startOf(Path file) {
    return new SourcePosition(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
