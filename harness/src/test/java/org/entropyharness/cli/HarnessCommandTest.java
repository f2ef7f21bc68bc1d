package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes of the command line: 0 ok (and --help), 2 bad input, 3 internal error, each as one line. */
class HarnessCommandTest {

  static List<String> commands() {
    List<String> names = new ArrayList<>();
    collect(new CommandLine(new HarnessCommand()), "", names);
    return names;
  }

  private static void collect(CommandLine cli, String prefix, List<String> names) {
    cli.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        names.add((prefix + " " + name).strip());
        collect(sub, prefix + " " + name, names);
      }
    });
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commands")
  void should_print_help_and_exit_0_on_every_command(String command) {
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    int exit = HarnessCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Usage: harness " + command);
  }

  @Test
  void should_know_every_command() {
    assertThat(commands()).contains("run", "validate", "baseline", "baseline promote", "compare", "merge", "nightly",
        "leaderboard", "inspect", "grade", "corrupt", "gate", "history", "history append", "submit", "train-embedded",
        "seeds");
  }

  @Test
  void should_exit_3_with_a_request_to_report_when_a_command_hits_a_java_error() {
    assertThat(run(() -> {
      throw new StackOverflowError();
    })).startsWith("3 harness: internal error: stack overflow at org.entropyharness.cli.HarnessCommandTest.lambda$")
        .endsWith("; " + Failure.REPORT);
  }

  @Test
  void should_exit_3_on_an_unexpected_exception_and_name_where_it_happened() {
    assertThat(run(() -> {
      Object nothing = null;
      return nothing.toString();
    })).startsWith("3 harness: internal error: NullPointerException (").contains("(HarnessCommandTest.java:")
        .endsWith(Failure.REPORT);
  }

  @Test
  void should_exit_3_on_out_of_memory_rather_than_1_the_code_of_a_regression() {
    assertThat(run(() -> {
      throw new OutOfMemoryError("Java heap space");
    })).startsWith("3 harness: internal error: ran out of memory (Java heap space) at ");
  }

  @Test
  void should_exit_2_with_one_located_line_for_the_jdks_file_errors() {
    assertThat(run(() -> {
      throw new NoSuchFileException("data/x.bin");
    })).isEqualTo("2 harness: data/x.bin:1:1: no such file or folder; check the path");
    assertThat(run(() -> {
      throw new java.nio.file.FileSystemException("out/metrics.arrow", null, "No space left on device");
    })).isEqualTo("2 harness: out/metrics.arrow:1:1: No space left on device; free some space or write elsewhere");
  }

  @Test
  void should_print_a_message_with_line_breaks_and_bidi_overrides_as_one_escaped_line() {
    assertThat(run(() -> {
      throw new IOException("a.yaml:1:1: label 'x\ny\u202e' is bad; fix it");
    })).isEqualTo("2 harness: a.yaml:1:1: label 'x\\ny\\u202e' is bad; fix it");
  }

  @Test
  void should_exit_2_with_one_line_naming_the_option_for_a_wrong_option() {
    StringWriter err = new StringWriter();

    int exit = HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "validate", "x.yaml",
        "--bogus");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("harness: Unknown option: '--bogus'; see 'harness validate --help'");
  }

  /** Runs a command whose call does what {@code body} does; returns "exit stderr". */
  private static String run(Callable<Object> body) {
    StringWriter err = new StringWriter();
    int exit = HarnessCommand.run(new CommandLine(new Thrower(body)), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    return exit + " " + err.toString().strip();
  }

  @Command(name = "thrower")
  static final class Thrower implements Callable<Integer> {
    private final Callable<Object> body;

    Thrower(Callable<Object> body) {
      this.body = body;
    }

    @Override
    public Integer call() throws Exception {
      body.call();
      return 0;
    }
  }
}
