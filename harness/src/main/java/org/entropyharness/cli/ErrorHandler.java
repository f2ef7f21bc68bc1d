package org.entropyharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever ends a command into one line on stderr and an exit code ({@link ExitCodes}): bad input gets its
 * located line and 2, a bug gets where it happened, a request to report it and 3. A stack trace would only bury the
 * line; {@code -Dharness.debug=true} prints it after the line.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code of bad input; kept for callers that name it here. */
  static final int BAD_INPUT = ExitCodes.BAD_INPUT;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    return report(e, cli.getErr());
  }

  /** A wrong option or argument: one line naming it and where the help is, instead of the whole usage text. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String command = cli.getCommandSpec().qualifiedName();
    cli.getErr().println("harness: " + Failure.of(e).message() + "; see '" + command + " --help'");
    return ExitCodes.BAD_INPUT;
  }

  /** Prints the one line for a throwable and returns its exit code. */
  static int report(Throwable t, PrintWriter err) {
    Failure failure = Failure.of(t);
    err.println("harness: " + failure.message());
    if (Boolean.getBoolean("harness.debug")) {
      t.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }
}
