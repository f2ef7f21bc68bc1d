package org.entropyharness.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SuiteSpec;

/** Decides every gate of a suite run against the suite's baseline rows. */
public final class SuiteGates {
  private SuiteGates() {}

  /**
   * One decided gate of one cell.
   *
   * @param cellId the cell
   * @param decision the decision
   * @param unit the metric's unit, for printing
   */
  public record Verdict(String cellId, GateDecision decision, String unit) {
    public String summary() {
      return cellId + " " + Format.summary(decision, unit);
    }
  }

  /**
   * Decides each gate of each cell present in {@code run}; cells missing from the run are skipped, and the gates of a
   * cell that fails the {@link FailedTraceCheck} are incomparable with that reason.
   */
  public static List<Verdict> decide(SuiteSpec suite, List<MetricRow> run, List<MetricRow> baseline, boolean allowOtherFingerprint) {
    Map<String, MetricRow> current = index(run);
    Map<String, MetricRow> before = index(baseline);
    GateEvaluator evaluator = new GateEvaluator(allowOtherFingerprint);
    List<Verdict> verdicts = new ArrayList<>();
    for (CellSpec cell : suite.cells()) {
      List<MetricRow> cellRows = run.stream().filter(r -> r.cellId().equals(cell.id())).toList();
      var broken = FailedTraceCheck.reason(suite, cellRows);
      for (GateSpec gate : suite.gatesFor(cell)) {
        String key = cell.id() + " " + gate.slice() + " " + gate.metric();
        MetricRow row = current.get(key);
        if (row != null) {
          GateDecision decision = broken.isPresent() ? new GateDecision.Incomparable(gate, broken.get())
              : Double.isNaN(row.value()) ? new GateDecision.Incomparable(gate, "the run could not measure "
                  + gate.metric() + ": " + row.provenance())
              : evaluator.decide(gate, row, before.get(key));
          verdicts.add(new Verdict(cell.id(), decision, row.unit()));
        }
      }
    }
    return verdicts;
  }

  private static Map<String, MetricRow> index(List<MetricRow> rows) {
    Map<String, MetricRow> map = new HashMap<>();
    rows.forEach(r -> map.put(r.key(), r));
    return map;
  }
}
