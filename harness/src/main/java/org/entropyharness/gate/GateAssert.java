package org.entropyharness.gate;

import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.GateSpec;

/**
 * AssertJ assertion for a cell's metric row against its baseline:
 * {@code assertThat(row).comparedTo(baseline).passes(gate)}.
 */
public final class GateAssert extends AbstractAssert<GateAssert, MetricRow> {
  private MetricRow baseline;
  private boolean allowOtherFingerprint;

  GateAssert(MetricRow actual) {
    super(actual, GateAssert.class);
  }

  /** Entry point. */
  public static GateAssert assertThat(MetricRow actual) {
    return new GateAssert(actual);
  }

  /** The baseline row to compare with; null means there is none yet. */
  public GateAssert comparedTo(MetricRow baselineRow) {
    this.baseline = baselineRow;
    return myself;
  }

  /** Compare even when the fingerprints differ. */
  public GateAssert allowingOtherFingerprint(boolean allow) {
    this.allowOtherFingerprint = allow;
    return myself;
  }

  /** Fails when the gate's decision is Regressed or Incomparable; returns the decision otherwise. */
  public GateDecision passes(GateSpec gate) {
    isNotNull();
    if (gate == null) {
      throw new IllegalArgumentException("the gate to check must not be null");
    }
    GateDecision decision = new GateEvaluator(allowOtherFingerprint).decide(gate, actual, baseline);
    if (decision instanceof GateDecision.Regressed r) {
      failWithMessage("%s", regressionMessage(r));
    } else if (decision instanceof GateDecision.Incomparable i) {
      failWithMessage("%nExpecting%n  %s %s%nto be comparable with its baseline,%nbut %s", actual.cellId(), actual.metric(), i.reason());
    }
    return decision;
  }

  private String regressionMessage(GateDecision.Regressed r) {
    Comparison c = r.comparison();
    String flipped = c.flips().stream().map(Flip::itemId).collect(Collectors.joining(", "));
    String items = c.paired()
        ? String.format(Locale.ROOT, "%nItems that got worse (%d of %d paired): ", c.flipCount(), c.pairedItems())
            + flipped + (c.flipCount() > c.flips().size() ? ", …" : "")
        : String.format("%n(unpaired: the baseline or the run has no per-item scores)");
    return String.format(Locale.ROOT,
        "%nExpecting%n  %s %s [%s]: %s (baseline %s)%nto be worse than the baseline by at most %s at %d%% confidence,"
            + "%nbut it is worse by %s, one-sided interval [%s, %s]%s",
        actual.cellId(), c.metric(), c.slice(), Format.value(c.current(), actual.unit()),
        Format.value(c.baseline(), actual.unit()), r.gate().tolerance(), Math.round(r.gate().confidence() * 100),
        Format.delta(c.worseBy(), actual.unit()), Format.delta(c.low(), actual.unit()),
        Format.delta(c.high(), actual.unit()), "") + items;
  }
}
