package org.entropyharness.suite;

import java.util.Objects;

/**
 * A suite file that cannot be used. The message is one line: {@code file:line:col: key: what was found; what is
 * allowed or how to fix it}.
 */
public final class SuiteException extends RuntimeException {
  private final SourcePosition position;

  public SuiteException(SourcePosition position, String problem) {
    super(position + ": " + problem);
    this.position = Objects.requireNonNull(position, "position");
  }

  /** Where the problem is. */
  public SourcePosition position() {
    return position;
  }

  /** The message without the position prefix. */
  public String problem() {
    return getMessage().substring(position.toString().length() + 2);
  }
}
