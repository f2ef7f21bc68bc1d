package org.entropyharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.MetricRowsFixture;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SourcePosition;
import org.entropyharness.suite.Tolerance;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
  private static final GateSpec HALF_POINT =
      new GateSpec("error", Tolerance.parse("0.5pp"), 0.95, "all", List.of(), SourcePosition.startOf(Path.of("s.yaml")));
  private static final Fingerprint FP = MetricRowsFixture.FINGERPRINT;

  private final GateEvaluator evaluator = new GateEvaluator(false);

  @Test
  void should_pass_identical_runs() {
    MetricRow row = MetricRowsFixture.errorRow("tent@1", 2000, 300, FP);

    assertThat(evaluator.decide(HALF_POINT, row, row)).isInstanceOf(GateDecision.Pass.class);
  }

  @Test
  void should_fail_when_the_whole_interval_is_beyond_the_tolerance() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 2000, 300, FP);
    MetricRow current = MetricRowsFixture.errorRow("tent@1", 2000, 400, FP);

    GateDecision decision = evaluator.decide(HALF_POINT, current, baseline);

    assertThat(decision).isInstanceOf(GateDecision.Regressed.class);
    Comparison c = ((GateDecision.Regressed) decision).comparison();
    assertThat(c.worseBy()).isEqualTo(0.05);
    assertThat(c.flipCount()).isEqualTo(100);
    assertThat(c.flips().get(0).itemId()).isEqualTo("item-300");
  }

  @Test
  void should_gate_against_a_summaries_only_baseline_by_its_interval() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 2000, 300, FP).withoutItems();
    MetricRow same = MetricRowsFixture.errorRow("tent@1", 2000, 300, FP);
    MetricRow worse = MetricRowsFixture.errorRow("tent@1", 2000, 400, FP);

    assertThat(baseline.hasItems()).isFalse();
    assertThat(baseline.value()).isEqualTo(0.15);
    assertThat(evaluator.decide(HALF_POINT, same, baseline)).isInstanceOf(GateDecision.Inconclusive.class);
    GateDecision decision = evaluator.decide(HALF_POINT, worse, baseline);
    assertThat(decision).isInstanceOf(GateDecision.Regressed.class);
    assertThat(((GateDecision.Regressed) decision).comparison().flipCount()).isZero();
  }

  @Test
  void should_call_a_straddling_interval_inconclusive() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 200, 30, FP);
    MetricRow current = MetricRowsFixture.errorRow("tent@1", 200, 32, FP);

    assertThat(evaluator.decide(HALF_POINT, current, baseline)).isInstanceOf(GateDecision.Inconclusive.class);
  }

  @Test
  void should_report_an_improvement_beyond_the_tolerance() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 2000, 400, FP);
    MetricRow current = MetricRowsFixture.errorRow("tent@1", 2000, 300, FP);

    assertThat(evaluator.decide(HALF_POINT, current, baseline)).isInstanceOf(GateDecision.Improved.class);
  }

  @Test
  void should_refuse_a_baseline_of_other_weights_naming_the_part() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 100, 10, new Fingerprint("d", "other", "m", "1", "p"));
    MetricRow current = MetricRowsFixture.errorRow("tent@1", 100, 10, FP);

    GateDecision decision = evaluator.decide(HALF_POINT, current, baseline);

    assertThat(decision).isInstanceOf(GateDecision.Incomparable.class);
    assertThat(((GateDecision.Incomparable) decision).reason()).contains("fingerprint differs in weights");
    assertThat(new GateEvaluator(true).decide(HALF_POINT, current, baseline)).isInstanceOf(GateDecision.Pass.class);
  }

  @Test
  void should_fail_the_assertion_with_metric_values_interval_and_flipped_items() {
    MetricRow baseline = MetricRowsFixture.errorRow("tent@1", 1000, 100, FP);
    MetricRow current = MetricRowsFixture.errorRow("tent@1", 1000, 200, FP);

    assertThatThrownBy(() -> GateAssert.assertThat(new GateVerdict("tent@1", new GateEvaluator(false).decide(HALF_POINT, current, baseline),
        "rate")).passes())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting\n  tent@1 error [all]: 20.00% (baseline 10.00%)\n")
        .hasMessageContaining("to be worse than the baseline by at most 0.5pp at 95% confidence,\n")
        .hasMessageContaining("but it is worse by +10.00pp, one-sided interval [+")
        .hasMessageContaining("Items that got worse (100 of 1000 paired): item-100, item-101,");
  }

  @Test
  void should_pair_items_by_id_whatever_their_order() {
    MetricRow baseline = MetricRowsFixture.errorRow("a@1", List.of("x", "y", "z"), new double[] {1, 0, 0}, FP);
    MetricRow current = MetricRowsFixture.errorRow("a@1", List.of("z", "y", "x"), new double[] {0, 0, 1}, FP);

    Comparison c = GateEvaluator.compare(current, baseline, 0.95, 0);

    assertThat(c.pairedItems()).isEqualTo(3);
    assertThat(c.worseBy()).isZero();
    assertThat(c.low()).isZero();
    assertThat(c.high()).isZero();
  }
}
