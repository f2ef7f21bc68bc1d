package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness gate} decides a finished run folder's gates against the baselines, as {@code run} would. */
class GateCommandTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/engine/arith-engine.yaml").toAbsolutePath();

  @TempDir static Path shared;
  private static Path run;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void runTheSuiteOnce() throws Exception {
    Path runs = Files.createDirectories(shared.resolve("runs"));
    assertThat(HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", SUITE.toString(), "--runs", runs.toString())).isZero();
    try (var dirs = Files.list(runs)) {
      run = dirs.findFirst().orElseThrow();
    }
  }

  private int gate(String... args) {
    return HarnessCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void should_pass_a_run_against_its_own_baseline() throws Exception {
    Baselines baselines = new Baselines(dir);
    baselines.promote("arith-engine", new RunDirectory(run).readMetrics(), false);

    int code = gate("gate", run.toString(), "--baselines", dir.toString(), "--require-baselines");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("gate arith-engine "))
        .anyMatch(l -> l.startsWith("gate arith-engine greedy@1 ")).anyMatch(l -> l.startsWith("gate arith-engine sample@1 "));
  }

  @Test
  void should_fail_a_run_against_a_baseline_no_honest_run_can_match() throws Exception {
    List<MetricRow> rows = new RunDirectory(run).readMetrics();
    ArrowTables.write(new Baselines(dir).file("arith-engine"), MetricRow.TABLE, rows.stream().map(GateCommandTest::perfect).toList());

    int code = gate("gate", run.toString(), "--baselines", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString().lines().toList()).hasSize(2)
        .allMatch(l -> l.matches("gate arith-engine (greedy|sample)@1 REGRESSED: accuracy .* vs baseline 100\\.00%, .*"));
  }

  @Test
  void should_pass_without_a_baseline_unless_baselines_are_required() {
    assertThat(gate("gate", run.toString(), "--baselines", dir.toString())).isZero();
    assertThat(out.toString()).contains("no baseline for greedy@1 accuracy");

    assertThat(gate("gate", run.toString(), "--baselines", dir.toString(), "--require-baselines")).isEqualTo(1);
    assertThat(out.toString()).contains("gate arith-engine: no baseline " + dir.resolve("arith-engine.arrow")
        + "; create one with: harness baseline promote " + run + "\n");
  }

  @Test
  void should_refuse_a_run_that_has_not_finished() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("unfinished"));
    String manifest = Files.readString(run.resolve("manifest.json")).replaceAll("(?m)^\\s*\"finished_at\".*\\n", "");
    Files.writeString(copy.resolve("manifest.json"), manifest);

    assertThat(gate("gate", copy.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("harness: " + copy + ": the run has not finished; complete it first (harness run "
        + SUITE + " --resume " + copy + ")\n");
  }

  /** The same row with every item scored 1. */
  private static MetricRow perfect(MetricRow r) {
    if (!r.metric().equals("accuracy")) {
      return r;
    }
    double[] ones = new double[r.itemValues().length];
    Arrays.fill(ones, 1.0);
    return new MetricRow(r.suite(), r.family(), r.dataset(), r.slice(), r.model(), r.method(), r.methodId(), r.params(),
        r.seed(), r.cellId(), r.metric(), 1.0, 1.0, 1.0, r.n(), r.unit(), r.higherIsBetter(), r.provenance(), r.failed(),
        r.fingerprint(), r.runId(), r.harnessVersion(), r.createdAt(), r.itemIds(), ones);
  }
}
