package org.entropyharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code harness} command: one subcommand per job. Every subcommand is a {@code Callable<Integer>}; exit codes are
 * {@link ExitCodes}: 0 ok, 1 regression, 2 bad input, 3 internal error.
 */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = HarnessVersion.class,
    description = "Runs entropy-method suites, stores results in Arrow files and gates them against baselines.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      BaselineCommand.class,
      GateCommand.class,
      CompareCommand.class,
      SeedsCommand.class,
      MergeCommand.class,
      HistoryCommand.class,
      SubmitCommand.class,
      InspectCommand.class,
      GradeCommand.class,
      CorruptCommand.class,
      TrainEmbeddedCommand.class,
      NightlyCommand.class,
      LeaderboardCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HarnessCommand {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** A date option ({@code --night}) in its one form, with a message that names the form rather than Java's parser. */
  private static java.time.LocalDate date(String text) {
    try {
      return java.time.LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + org.entropyharness.guard.Printable.escape(text)
          + "' is not a date; write yyyy-mm-dd, e.g. 2026-12-01");
    }
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return run(new CommandLine(new HarnessCommand()), out, err, args);
  }

  /** Runs a command with the harness's converters, error handling and exit codes. */
  static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(java.time.LocalDate.class, HarnessCommand::date);
    ErrorHandler handler = new ErrorHandler();
    cli.setExecutionExceptionHandler(handler);
    cli.setParameterExceptionHandler(handler);
    try {
      return cli.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands Exceptions to the handler but lets a Java Error through: it must not exit 1 ("regression").
      return ErrorHandler.report(e, err);
    }
  }
}
