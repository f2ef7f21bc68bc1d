package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.gate.GateDecision;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.run.RunProgress;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteSpec;

/** Runs one suite through a session for the commands that run suites, and prints its results and gate verdicts. */
final class SuiteRuns {
  private SuiteRuns() {}

  /**
   * What a suite run left.
   *
   * @param rows the run's metric rows (empty when the suite was skipped)
   * @param verdicts every decided gate
   */
  record Outcome(List<MetricRow> rows, List<GateVerdict> verdicts) {
    boolean failed() {
      return verdicts.stream().anyMatch(v -> v.decision().verdict() == GateDecision.Verdict.FAILED);
    }
  }

  /** Runs the suite (or says why it is skipped), prints its table, its folder and one line per gate. */
  static Outcome runAndGate(SuiteSpec suite, SessionOptions options, PrintWriter out) throws IOException {
    var skip = SuiteSession.skipReason(suite);
    if (skip.isPresent()) {
      out.println(suite.name() + ": skipped, " + skip.get());
      return new Outcome(List.of(), List.of());
    }
    List<GateVerdict> verdicts = new ArrayList<>();
    SuiteSession session;
    try (SuiteSession opened = SuiteSession.open(suite, options); RunProgress progress = RunProgress.forConsole()) {
      session = opened;
      opened.runAll(progress);
      for (CellSpec cell : opened.cells()) {
        verdicts.addAll(opened.gates(cell));
      }
    }
    List<MetricRow> rows = session.dir().readMetrics();
    out.println(ResultsTable.render(suite, rows));
    out.println("results: " + session.dir().root());
    verdicts.forEach(v -> out.println("gate " + suite.name() + " " + v.summary()));
    return new Outcome(rows, verdicts);
  }
}
