package org.entropyharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.entropyharness.store.Baseline;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.MetricRowsFixture;
import org.entropyharness.store.StoreException;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SourcePosition;
import org.entropyharness.suite.Tolerance;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Each row of the gate policy's table in docs/suites.md. */
class GatePolicyTest {
  private static final GateSpec GATE =
      new GateSpec("error", Tolerance.parse("0.5pp"), 0.95, "all", List.of(), SourcePosition.startOf(Path.of("s.yaml")));
  private static final Path FILE = Path.of("baselines/suite-a.arrow");
  private static final String PROMOTE = "harness baseline promote reports/runs/r1";
  private static final MetricRow ROW = MetricRowsFixture.errorRow("tent@1", 1000, 100, MetricRowsFixture.FINGERPRINT);

  private final GatePolicy policy = new GatePolicy(false, false);

  private static Optional<Baseline> baselineOf(MetricRow... rows) throws StoreException {
    return Optional.of(Baseline.of(FILE, List.of(rows)));
  }

  @Test
  void should_pass_a_cell_equal_to_its_baseline() throws Exception {
    GateVerdict verdict = policy.decide(GATE, "tent@1", List.of(ROW), baselineOf(ROW), PROMOTE);

    assertThat(verdict.decision()).isInstanceOf(GateDecision.Pass.class);
    assertThat(verdict.unit()).isEqualTo("rate");
  }

  @Test
  void should_skip_without_a_baseline_file_and_fail_when_baselines_are_required() {
    GateVerdict skipped = policy.decide(GATE, "tent@1", List.of(ROW), Optional.empty(), PROMOTE);
    GateVerdict required = new GatePolicy(false, true).decide(GATE, "tent@1", List.of(ROW), Optional.empty(), PROMOTE);

    assertThat(skipped.decision().verdict()).isEqualTo(GateDecision.Verdict.SKIPPED);
    assertThat(skipped.summary()).isEqualTo("tent@1 error worse by at most 0.5pp @95%: skipped: the suite suite-a has no"
        + " baseline file; create one with: harness baseline promote reports/runs/r1");
    assertThatThrownBy(() -> GateAssert.assertThat(skipped).passes()).isInstanceOf(TestAbortedException.class);
    assertThat(required.decision().verdict()).isEqualTo(GateDecision.Verdict.FAILED);
    assertThat(((GateDecision.Missing) required.decision()).reason()).endsWith("(baselines are required)");
  }

  @Test
  void should_fail_when_the_run_did_not_produce_the_gated_metric_or_slice() {
    GateSpec onFog = new GateSpec("error", Tolerance.parse("0.5pp"), 0.95, "fog/5", List.of(), GATE.position());

    GateVerdict verdict = policy.decide(onFog, "tent@1", List.of(ROW), Optional.empty(), PROMOTE);

    assertThat(verdict.decision().verdict()).isEqualTo(GateDecision.Verdict.FAILED);
    assertThat(((GateDecision.Missing) verdict.decision()).reason())
        .isEqualTo("tent@1 did not produce error on slice 'fog/5'; it produced metrics error on slices all");
  }

  @Test
  void should_fail_a_value_that_is_not_finite_on_either_side() throws Exception {
    MetricRow nan = MetricRowsFixture.errorRow("tent@1", List.of(), new double[0], MetricRowsFixture.FINGERPRINT);

    GateVerdict current = policy.decide(GATE, "tent@1", List.of(nan), baselineOf(ROW), PROMOTE);
    GateVerdict before = policy.decide(GATE, "tent@1", List.of(ROW), baselineOf(nan), PROMOTE);

    assertThat(current.decision()).isInstanceOf(GateDecision.Missing.class);
    assertThat(((GateDecision.Missing) current.decision()).reason()).startsWith("tent@1 measured no finite error");
    assertThat(before.decision()).isInstanceOf(GateDecision.Missing.class);
    assertThat(((GateDecision.Missing) before.decision()).reason()).contains("holds NaN for tent@1 error");
  }

  @Test
  void should_fail_a_cell_the_baseline_has_no_row_for() throws Exception {
    MetricRow renamed = MetricRowsFixture.errorRow("tent-old@1", 1000, 100, MetricRowsFixture.FINGERPRINT);

    GateVerdict verdict = policy.decide(GATE, "tent@1", List.of(ROW), baselineOf(renamed), PROMOTE);

    assertThat(verdict.decision()).isInstanceOf(GateDecision.Missing.class);
    assertThatThrownBy(() -> GateAssert.assertThat(verdict).passes()).isInstanceOf(AssertionError.class)
        .hasMessage("\nExpecting\n  tent@1 error\nto be gated against its baseline,\nbut baselines/suite-a.arrow has no"
            + " row for tent@1 error on slice 'all' (a new or renamed cell?); promote a run that has it: " + PROMOTE);
  }

  @Test
  void should_refuse_a_baseline_with_two_rows_for_one_key() {
    assertThatThrownBy(() -> Baseline.of(FILE, List.of(ROW, ROW))).isInstanceOf(StoreException.class)
        .hasMessage("baselines/suite-a.arrow: two rows for cell tent@1, slice all, metric error; the file is damaged or"
            + " was written by hand: promote a run again");
  }
}
