package org.entropyharness.cli;

/**
 * The exit codes of every command, documented in the README and {@code docs/limits.md}: a script can tell a
 * regression from bad input from a bug in the harness.
 */
final class ExitCodes {
  /** Everything ran and every gate passed (or was skipped). */
  static final int OK = 0;
  /** A gate failed: a regression, or a value the gate needs is missing. */
  static final int REGRESSION = 1;
  /** The input cannot be used (a file, an option, a suite); one located line says why. */
  static final int BAD_INPUT = 2;
  /** A bug in the harness (an unexpected exception or a Java error); the line asks for a report. */
  static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
