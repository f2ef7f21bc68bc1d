package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LeaderboardCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/report");

  @Test
  void should_render_the_site_from_a_history_folder_and_print_one_line_per_suite() throws Exception {
    Path out = Path.of("target/report-test/cli-leaderboard");
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new LeaderboardCommand());
    cli.setOut(new PrintWriter(text));
    int code = cli.execute("--history", FIXTURE.resolve("history").toString(), "--out", out.toString(),
        "--baselines", FIXTURE.resolve("baselines").toString());
    assertThat(code).isZero();
    assertThat(text.toString()).contains(
        "cifar10c-tta-nightly (2026-11-21): leader eata error 15.75%; 1 regressed",
        "gsm8k-reasoning-nightly (2026-11-21): leader self-consistency accuracy 80.50%; 0 regressed",
        "leaderboard: " + out.resolve("index.html"));
    assertThat(out.resolve("leaderboard.md")).isRegularFile();
  }

  @Test
  void should_say_where_the_history_is_missing() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LeaderboardCommand());
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new ErrorHandler());
    Path empty = Files.createDirectories(Path.of("target/report-test/empty-history"));
    int code = cli.execute("--history", empty.toString(), "--out", "target/report-test/unused");
    assertThat(code).isEqualTo(ErrorHandler.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("harness: " + empty + ": no nights (<yyyy-mm-dd>.arrow files) in the "
        + "history folder; run `harness nightly` first or point --history at a folder that has them");
  }

  @Test
  void should_file_tonight_under_the_history_and_render_even_when_a_suite_cannot_run() throws Exception {
    Path root = Files.createDirectories(Path.of("target/report-test/cli-nightly"));
    Path history = root.resolve("history");
    Files.createDirectories(history);
    try (Stream<Path> nights = Files.list(FIXTURE.resolve("history"))) {
      for (Path n : nights.toList()) {
        Files.copy(n, history.resolve(n.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path suites = Files.createDirectories(root.resolve("suites"));
    String tta = Files.readString(Path.of("src/test/resources/suites/good-tta.yaml"));
    Files.writeString(suites.resolve("nightly.yaml"), tta.replace("tier: smoke", "tier: nightly").replace("tiny-tta", "tiny-nightly")
        .replace("resnet20-12fca82f.th", "missing-weights.th"));
    Files.writeString(suites.resolve("smoke.yaml"), tta);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NightlyCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("--suites", suites.toString(), "--history", history.toString(), "--out",
        root.resolve("leaderboard").toString(), "--runs", root.resolve("runs").toString(), "--night", "2026-11-22");
    assertThat(out.toString()).contains("1 nightly suites in " + suites, "leaderboard: " + root.resolve("leaderboard/index.html"));
    assertThat(err.toString()).contains("nightly: tiny-nightly did not run: ");
    assertThat(code).isEqualTo(1);
    assertThat(history.resolve("2026-11-22.arrow")).doesNotExist();
  }
}
