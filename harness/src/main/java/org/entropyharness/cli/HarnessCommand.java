package org.entropyharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code harness} command: one subcommand per job. Every subcommand is a {@code Callable<Integer>}. */
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
      TrainRlCommand.class,
      NightlyCommand.class,
      LeaderboardCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HarnessCommand {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new HarnessCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }
}
