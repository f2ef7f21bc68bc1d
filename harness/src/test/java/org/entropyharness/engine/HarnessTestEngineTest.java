package org.entropyharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The engine runs suite files as tests and fails a cell whose gate finds a regression against the baseline. */
class HarnessTestEngineTest {
  private static final Path SUITES = Path.of("src/test/resources/suites/engine").toAbsolutePath();
  private static final Path SUITE = SUITES.resolve("arith-engine.yaml");

  @TempDir Path root;

  private EngineExecutionResults run(Path selected) {
    return EngineTestKit.engine(Constants.ENGINE_ID)
        .configurationParameter(Constants.ROOT, root.toString())
        .selectors(Files.isDirectory(selected) ? selectDirectory(selected.toFile()) : selectFile(selected.toFile()))
        .execute();
  }

  @Test
  void should_run_each_cell_and_gate_as_tests_of_the_smoke_tier_only() {
    EngineExecutionResults results = run(SUITES);

    results.containerEvents().assertStatistics(s -> s.started(4).succeeded(4));
    results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
  }

  @Test
  void should_pass_against_an_honest_baseline_and_fail_against_a_doctored_one() throws Exception {
    run(SUITE).testEvents().assertStatistics(s -> s.succeeded(4));
    Path runDir = onlyRun();
    List<MetricRow> rows = new RunDirectory(runDir).readMetrics();
    Baselines baselines = new Baselines(root.resolve("baselines"));
    baselines.promote("arith-engine", rows, false);

    run(SUITE).testEvents().assertStatistics(s -> s.succeeded(4).failed(0));

    ArrowTables.write(baselines.file("arith-engine"), MetricRow.TABLE, rows.stream().map(HarnessTestEngineTest::perfect).toList());
    run(SUITE).testEvents()
        .assertStatistics(s -> s.failed(2))
        .assertThatEvents()
        .haveAtLeastOne(event(test(), displayName("accuracy worse by at most 5pp @95%"),
            finishedWithFailure(message(m -> m.contains("to be worse than the baseline by at most 5pp at 95% confidence")
                && m.contains("(baseline 100.00%)") && m.contains("Items that got worse")))));
  }

  @Test
  void should_fail_a_broken_suite_file_with_its_located_line() {
    Path broken = Path.of("src/test/resources/suites/bad/unknown-dataset-key.yaml").toAbsolutePath();

    run(broken).testEvents()
        .assertStatistics(s -> s.failed(1))
        .assertThatEvents()
        .haveExactly(1, event(test(), finishedWithFailure(message(m -> m.startsWith(broken + ":5:3: limt: unknown key in 'dataset'")))));
  }

  /** The same row with every item scored 1: a baseline no honest run can match. */
  private static MetricRow perfect(MetricRow r) {
    if (!r.metric().equals("accuracy")) {
      return r;
    }
    double[] ones = new double[r.itemValues().length];
    java.util.Arrays.fill(ones, 1.0);
    return new MetricRow(r.suite(), r.family(), r.dataset(), r.slice(), r.model(), r.method(), r.methodId(), r.params(),
        r.seed(), r.cellId(), r.metric(), 1.0, 1.0, 1.0, r.n(), r.unit(), r.higherIsBetter(), r.provenance(), r.failed(),
        r.fingerprint(), r.runId(), r.harnessVersion(), r.createdAt(), r.itemIds(), ones);
  }

  private Path onlyRun() throws Exception {
    try (var dirs = Files.list(root.resolve("reports/runs"))) {
      List<Path> runs = dirs.toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }
}
