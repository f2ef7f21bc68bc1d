package org.entropyharness.gate;

import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.opentest4j.TestAbortedException;

/**
 * AssertJ assertion on a decided gate: {@code assertThat(verdict).passes()} fails on a regression, an incomparable
 * baseline or a missing value, and aborts (skips) the test when the suite has no baseline yet.
 */
public final class GateAssert extends AbstractAssert<GateAssert, GateVerdict> {

  GateAssert(GateVerdict actual) {
    super(actual, GateAssert.class);
  }

  /** Entry point. */
  public static GateAssert assertThat(GateVerdict actual) {
    return new GateAssert(actual);
  }

  /**
   * Fails when the gate failed; throws {@link TestAbortedException} when it was skipped.
   *
   * @return the decision, for reporting
   */
  public GateDecision passes() {
    isNotNull();
    GateDecision decision = actual.decision();
    if (decision instanceof GateDecision.Regressed r) {
      failWithMessage("%s", regressionMessage(r));
    } else if (decision instanceof GateDecision.Incomparable i) {
      failWithMessage("%nExpecting%n  %s %s%nto be comparable with its baseline,%nbut %s", actual.cellId(),
          i.gate().metric(), i.reason());
    } else if (decision instanceof GateDecision.Missing m) {
      failWithMessage("%nExpecting%n  %s %s%nto be gated against its baseline,%nbut %s", actual.cellId(),
          m.gate().metric(), m.reason());
    } else if (decision instanceof GateDecision.NoBaseline n) {
      throw new TestAbortedException("skipped: " + n.reason());
    }
    return decision;
  }

  private String regressionMessage(GateDecision.Regressed r) {
    Comparison c = r.comparison();
    String unit = actual.unit();
    String flipped = c.flips().stream().map(Flip::itemId).collect(Collectors.joining(", "));
    String items = c.paired()
        ? String.format(Locale.ROOT, "%nItems that got worse (%d of %d paired): ", c.flipCount(), c.pairedItems())
            + flipped + (c.flipCount() > c.flips().size() ? ", …" : "")
        : String.format("%n(unpaired: the baseline or the run has no per-item scores)");
    return String.format(Locale.ROOT,
        "%nExpecting%n  %s %s [%s]: %s (baseline %s)%nto be worse than the baseline by at most %s at %d%% confidence,"
            + "%nbut it is worse by %s, one-sided interval [%s, %s]",
        actual.cellId(), c.metric(), c.slice(), Format.value(c.current(), unit), Format.value(c.baseline(), unit),
        r.gate().tolerance(), Math.round(r.gate().confidence() * 100), Format.delta(c.worseBy(), unit),
        Format.delta(c.low(), unit), Format.delta(c.high(), unit)) + items;
  }
}
