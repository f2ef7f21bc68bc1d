package org.entropyharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.cli.HarnessCommand;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine runs suite files as tests through the suite session: tags on every test, gates skipped without a
 * baseline and failed when a value is missing or regressed, one cell run for one selected gate, and run folders that
 * the CLI's merge and compare accept.
 */
class HarnessTestEngineTest {
  private static final Path SUITES = Path.of("src/test/resources/suites/engine").toAbsolutePath();
  private static final Path SUITE = SUITES.resolve("arith-engine.yaml");
  private static final String ACCURACY_GATE = "accuracy worse by at most 5pp @95%";

  @TempDir Path root;

  private EngineTestKit.Builder kit(DiscoverySelector selector) {
    return EngineTestKit.engine(Constants.ENGINE_ID)
        .configurationParameter(Constants.ROOT, root.toString())
        .selectors(selector);
  }

  private EngineExecutionResults run(Path selected) {
    return kit(Files.isDirectory(selected) ? selectDirectory(selected.toFile()) : selectFile(selected.toFile())).execute();
  }

  @Test
  void should_tag_every_node_with_tier_and_family_so_tag_filters_select_suites() {
    TestDescriptor tree = kit(selectDirectory(SUITES.toFile())).discover().getEngineDescriptor();
    List<TestDescriptor> nodes = tree.getDescendants().stream().map(TestDescriptor.class::cast).toList();
    assertThat(nodes).isNotEmpty().allSatisfy(n -> assertThat(n.getTags())
        .contains(TestTag.create("reasoning")).containsAnyOf(TestTag.create("smoke"), TestTag.create("nightly")));

    EngineExecutionResults smoke = kit(selectDirectory(SUITES.toFile())).filters(TagFilter.includeTags("smoke")).execute();
    smoke.testEvents().assertStatistics(s -> s.started(4));
    assertThat(smoke.testEvents().started().list()).allSatisfy(e -> assertThat(e.getTestDescriptor().getUniqueId()
        .toString()).contains("arith-engine.yaml"));

    EngineExecutionResults nightly = kit(selectDirectory(SUITES.toFile())).filters(TagFilter.includeTags("nightly")).execute();
    assertThat(nightly.testEvents().started().list()).isNotEmpty().allSatisfy(e -> assertThat(
        e.getTestDescriptor().getUniqueId().toString()).contains("nightly-only.yaml"));
  }

  @Test
  void should_skip_gates_without_a_baseline_file_and_fail_them_when_baselines_are_required() {
    run(SUITE).testEvents()
        .assertStatistics(s -> s.started(4).succeeded(2).aborted(2).failed(0))
        .assertThatEvents()
        .haveExactly(2, event(test(), displayName(ACCURACY_GATE), abortedWithReason(message(m ->
            m.contains("the suite arith-engine has no baseline file; create one with: harness baseline promote ")))));

    kit(selectFile(SUITE.toFile())).configurationParameter(Constants.REQUIRE_BASELINES, "true").execute().testEvents()
        .assertStatistics(s -> s.failed(2))
        .assertThatEvents()
        .haveExactly(2, event(test(), displayName(ACCURACY_GATE), finishedWithFailure(message(m ->
            m.contains("has no baseline file") && m.contains("(baselines are required)")))));
  }

  @Test
  void should_pass_against_an_honest_baseline_and_fail_against_a_doctored_one() throws Exception {
    run(SUITE);
    List<MetricRow> rows = new RunDirectory(onlyRun()).readMetrics();
    Baselines baselines = new Baselines(root.resolve("baselines"));
    baselines.promote("arith-engine", rows, false);

    run(SUITE).testEvents().assertStatistics(s -> s.succeeded(4).failed(0).aborted(0));

    ArrowTables.write(baselines.file("arith-engine"), MetricRow.TABLE, rows.stream().map(HarnessTestEngineTest::perfect).toList());
    run(SUITE).testEvents()
        .assertStatistics(s -> s.failed(2))
        .assertThatEvents()
        .haveAtLeastOne(event(test(), displayName(ACCURACY_GATE),
            finishedWithFailure(message(m -> m.contains("to be worse than the baseline by at most 5pp at 95% confidence")
                && m.contains("(baseline 100.00%)") && m.contains("Items that got worse")))));
  }

  @Test
  void should_fail_a_gate_whose_row_the_baseline_lacks() throws Exception {
    run(SUITE);
    List<MetricRow> rows = new RunDirectory(onlyRun()).readMetrics().stream()
        .filter(r -> !r.cellId().equals("greedy@1")).toList();
    new Baselines(root.resolve("baselines")).promote("arith-engine", rows, false);

    run(SUITE).testEvents()
        .assertStatistics(s -> s.failed(1))
        .assertThatEvents()
        .haveExactly(1, event(test(), displayName(ACCURACY_GATE), finishedWithFailure(message(m ->
            m.contains("has no row for greedy@1 accuracy on slice 'all' (a new or renamed cell?)")))));
  }

  @Test
  void should_run_only_the_cell_of_a_gate_selected_by_unique_id() throws Exception {
    UniqueId gate = UniqueId.forEngine(Constants.ENGINE_ID).append(SuiteDescriptor.SEGMENT, SUITE.toString())
        .append(CellDescriptor.SEGMENT, "sample@1").append(GateDescriptor.SEGMENT, "0");

    EngineExecutionResults results = kit(selectUniqueId(gate)).execute();

    results.testEvents().assertStatistics(s -> s.started(1).aborted(1));
    RunManifest manifest = new RunDirectory(onlyRun()).readManifest();
    assertThat(manifest.cells()).extracting(RunManifest.CellEntry::id).containsExactly("sample@1");
    assertThat(manifest.cells()).extracting(RunManifest.CellEntry::status).containsExactly("done");
    assertThat(manifest.complete()).isFalse();
  }

  @Test
  void should_leave_a_run_folder_with_a_manifest_that_merge_and_compare_accept() throws Exception {
    run(SUITE);
    Path runDir = onlyRun();
    RunManifest manifest = new RunDirectory(runDir).readManifest();
    assertThat(manifest.complete()).isTrue();
    assertThat(manifest.suiteCells()).isEqualTo(2);

    Path merged = root.resolve("merged");
    assertThat(HarnessCommand.execute("merge", runDir.toString(), "--out", merged.toString())).isZero();
    assertThat(new RunDirectory(merged).readMetrics()).hasSameSizeAs(new RunDirectory(runDir).readMetrics());
    assertThat(HarnessCommand.execute("compare", runDir.toString(), merged.toString())).isZero();
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
