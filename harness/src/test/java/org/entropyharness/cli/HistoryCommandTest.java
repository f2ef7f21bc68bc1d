package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.entropyharness.store.History;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness history append} files a finished run's metric rows under a night; a rerun replaces them. */
class HistoryCommandTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/engine/arith-engine.yaml").toAbsolutePath();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();

  @Test
  void should_add_a_run_to_a_night_and_replace_it_when_added_again() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    assertThat(HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", SUITE.toString(), "--runs", runs.toString())).isZero();
    Path run;
    try (var dirs = Files.list(runs)) {
      run = dirs.findFirst().orElseThrow();
    }
    List<MetricRow> rows = new RunDirectory(run).readMetrics();
    Path history = dir.resolve("history");

    for (int time = 0; time < 2; time++) {
      int code = HarnessCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
          "history", "append", run.toString(), "--history", history.toString(), "--night", "2026-11-30");
      assertThat(code).isZero();
    }

    List<History.Night> nights = new History(history).nights();
    assertThat(nights).hasSize(1);
    assertThat(nights.get(0).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(nights.get(0).rows()).extracting(MetricRow::key).containsExactlyElementsOf(rows.stream().map(MetricRow::key).toList());
    assertThat(out.toString()).startsWith("history: " + rows.size() + " rows added to " + history.resolve("2026-11-30.arrow") + "\n");
  }
}
