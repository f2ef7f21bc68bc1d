package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.gate.GateDecision;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.guard.Printable;
import org.entropyharness.run.RunProgress;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SuiteSpec;

/** Runs one suite through a session for the commands that run suites, and prints its results and gate verdicts. */
final class SuiteRuns {
  private SuiteRuns() {}

  /**
   * What a suite run left.
   *
   * @param rows the run's metric rows (empty when the suite was skipped)
   * @param verdicts every decided gate
   * @param broken the cells whose failed-trace check failed, with the reason
   */
  record Outcome(List<MetricRow> rows, List<GateVerdict> verdicts, List<String> broken) {
    boolean failed() {
      return !broken.isEmpty() || verdicts.stream().anyMatch(v -> v.decision().verdict() == GateDecision.Verdict.FAILED);
    }
  }

  /** Runs the suite (or says why it is skipped), prints its table, its folder and one line per gate. */
  static Outcome runAndGate(SuiteSpec suite, SessionOptions options, PrintWriter out) throws IOException {
    var skip = SuiteSession.skipReason(suite);
    if (skip.isPresent()) {
      out.println(suite.name() + ": skipped, " + skip.get());
      return new Outcome(List.of(), List.of(), List.of());
    }
    List<GateVerdict> verdicts = new ArrayList<>();
    SuiteSession session;
    try (SuiteSession opened = SuiteSession.open(suite, options); RunProgress progress = RunProgress.forConsole()) {
      session = opened;
      opened.runAll(progress);
      for (CellSpec cell : opened.cells()) {
        verdicts.addAll(opened.gates(cell));
      }
      for (CellGroup group : opened.suite().groups()) {
        if (opened.cells().containsAll(group.cells())) {
          verdicts.addAll(opened.gates(group));
        }
      }
    }
    List<MetricRow> rows = session.dir().readMetrics();
    out.println(ResultsTable.render(suite, rows));
    out.println("results: " + session.dir().root());
    List<String> broken = new ArrayList<>();
    for (CellSpec cell : suite.cells()) {
      FailedTraceCheck.reason(suite, rows.stream().filter(r -> r.cellId().equals(cell.id())).toList())
          .ifPresent(reason -> broken.add(cell.id() + " FAILED: " + reason));
    }
    broken.forEach(b -> out.println(Printable.escape("check " + suite.name() + " " + b)));
    verdicts.forEach(v -> out.println(Printable.escape("gate " + suite.name() + " " + v.summary())));
    return new Outcome(rows, verdicts, broken);
  }
}
