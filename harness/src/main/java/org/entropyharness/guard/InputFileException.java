package org.entropyharness.guard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input path that cannot be read as the file it should be. The message is one located line:
 * {@code path:1:1: what; how to fix}.
 */
public final class InputFileException extends IOException {
  private final transient Path path;
  private final String problem;
  private final int line;
  private final int column;

  InputFileException(Path path, String problem) {
    this(path, 1, 1, problem);
  }

  InputFileException(Path path, int line, int column, String problem) {
    super(path + ":" + line + ":" + column + ": " + problem);
    this.path = path;
    this.problem = problem;
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the fault (1 for a problem with the file as a whole). */
  public int line() {
    return line;
  }

  /** 1-based column of the fault. */
  public int column() {
    return column;
  }

  /** The path at fault. */
  public Path path() {
    return path;
  }

  /** The message without the location, for callers that locate it elsewhere (a key of a suite file). */
  public String problem() {
    return problem;
  }
}
