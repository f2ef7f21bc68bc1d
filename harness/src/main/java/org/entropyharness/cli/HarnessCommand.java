package org.entropyharness.cli;

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
      CompareCommand.class,
      MergeCommand.class,
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

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new HarnessCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }
}
