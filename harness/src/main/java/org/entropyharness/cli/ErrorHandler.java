package org.entropyharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into one line on stderr and exit code 2. The exceptions the harness throws for bad input
 * already carry {@code file:line:col: what; how to fix}; a stack trace would only bury that line.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("harness: " + message.strip());
    if (Boolean.getBoolean("harness.debug")) {
      e.printStackTrace(cli.getErr());
    }
    return BAD_INPUT;
  }
}
