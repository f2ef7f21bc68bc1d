package org.entropyharness.gate;

import java.util.List;
import java.util.Optional;
import org.entropyharness.store.Baseline;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.GateSpec;

/**
 * The one gate policy of every entry point (CLI, nightly job, JUnit engine, Jupiter API). A gate
 *
 * <ul>
 *   <li>fails when the cell's share of failed traces is above the suite's {@code max-failed-share}
 *       ({@link FailedTraceCheck}): its numbers grade a broken server, not the model;
 *   <li>fails when the run did not produce the gated metric on the gated slice as a finite number;
 *   <li>is skipped when the suite has no baseline file (with the promote command), or fails when baselines are
 *       required ({@code --require-baselines}, engine parameter {@code harness.requireBaselines});
 *   <li>fails when the baseline has no row for the cell, slice and metric (a renamed or new cell), or a non-finite
 *       value there;
 *   <li>otherwise compares the two rows ({@link GateEvaluator}): fails on a regression beyond the tolerance, or when
 *       the fingerprints differ unless that is allowed.
 * </ul>
 */
public final class GatePolicy {
  private final boolean allowOtherFingerprint;
  private final boolean requireBaselines;
  private final double maxFailedShare;

  /**
   * A policy with the default {@link FailedTraceCheck#DEFAULT_MAX_SHARE}.
   *
   * @param allowOtherFingerprint compare even when baseline and run measured different things
   * @param requireBaselines a missing baseline file fails the gate instead of skipping it
   */
  public GatePolicy(boolean allowOtherFingerprint, boolean requireBaselines) {
    this(allowOtherFingerprint, requireBaselines, FailedTraceCheck.DEFAULT_MAX_SHARE);
  }

  /**
   * @param allowOtherFingerprint compare even when baseline and run measured different things
   * @param requireBaselines a missing baseline file fails the gate instead of skipping it
   * @param maxFailedShare the suite's largest share of failed traces a graded cell may have
   */
  public GatePolicy(boolean allowOtherFingerprint, boolean requireBaselines, double maxFailedShare) {
    this.allowOtherFingerprint = allowOtherFingerprint;
    this.requireBaselines = requireBaselines;
    this.maxFailedShare = maxFailedShare;
  }

  /**
   * Decides one gate of one cell.
   *
   * @param cellId the cell
   * @param cellRows every metric row the cell produced
   * @param baseline the suite's baseline, empty when it has no baseline file
   * @param promote the command that makes this run the baseline, for messages
   */
  public GateVerdict decide(GateSpec gate, String cellId, List<MetricRow> cellRows, Optional<Baseline> baseline,
      String promote) {
    String unit = cellRows.stream().filter(r -> r.metric().equals(gate.metric())).map(MetricRow::unit).findFirst()
        .orElse("");
    return new GateVerdict(cellId, decision(gate, cellId, cellRows, baseline, promote), unit);
  }

  private GateDecision decision(GateSpec gate, String cellId, List<MetricRow> cellRows, Optional<Baseline> baseline,
      String promote) {
    Optional<String> broken = FailedTraceCheck.reason(maxFailedShare, cellRows);
    if (broken.isPresent()) {
      return new GateDecision.Missing(gate, broken.get());
    }
    Optional<MetricRow> current = cellRows.stream()
        .filter(r -> r.metric().equals(gate.metric()) && r.slice().equals(gate.slice()))
        .findFirst();
    if (current.isEmpty()) {
      return new GateDecision.Missing(gate, cellId + " did not produce " + gate.metric() + " on slice '" + gate.slice()
          + "'; it produced " + produced(cellRows));
    }
    MetricRow row = current.get();
    if (!Double.isFinite(row.value())) {
      return new GateDecision.Missing(gate, cellId + " measured no finite " + gate.metric() + " on slice '"
          + gate.slice() + "' (" + row.value() + ": " + row.provenance() + ")");
    }
    if (baseline.isEmpty()) {
      String reason = "the suite " + row.suite() + " has no baseline file; create one with: " + promote;
      return requireBaselines
          ? new GateDecision.Missing(gate, reason + " (baselines are required)")
          : new GateDecision.NoBaseline(gate, reason);
    }
    Optional<MetricRow> before = baseline.get().row(row.key());
    if (before.isEmpty()) {
      return new GateDecision.Missing(gate, baseline.get().file() + " has no row for " + cellId + " " + gate.metric()
          + " on slice '" + gate.slice() + "' (a new or renamed cell?); promote a run that has it: " + promote);
    }
    if (!Double.isFinite(before.get().value())) {
      return new GateDecision.Missing(gate, baseline.get().file() + " holds " + before.get().value() + " for " + cellId
          + " " + gate.metric() + "; promote a run with a measured value: " + promote);
    }
    return new GateEvaluator(allowOtherFingerprint).decide(gate, row, before.get());
  }

  private static String produced(List<MetricRow> rows) {
    if (rows.isEmpty()) {
      return "no metrics";
    }
    List<String> metrics = rows.stream().map(MetricRow::metric).distinct().toList();
    List<String> slices = rows.stream().map(MetricRow::slice).distinct().toList();
    return "metrics " + String.join(", ", metrics) + " on slices " + String.join(", ", slices.subList(0,
        Math.min(8, slices.size()))) + (slices.size() > 8 ? ", …" : "");
  }
}
