package org.entropyharness.engine;

import java.io.IOException;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;

/** What a gate test reads: one cell, or a group of cells (a series of checkpoints, a method over seeds). */
interface GateSubject {

  /** The id its rows are stored under. */
  String id();

  /** Decides the gate, running what it needs first. */
  GateVerdict decide(SuiteSession session, GateSpec gate) throws IOException;

  /** A cell's gate. */
  static GateSubject of(CellSpec cell) {
    return new GateSubject() {
      @Override
      public String id() {
        return cell.id();
      }

      @Override
      public GateVerdict decide(SuiteSession session, GateSpec gate) throws IOException {
        return session.gate(cell, gate);
      }
    };
  }

  /** A group's gate; the running Allure test gets the group's rows and charts. */
  static GateSubject of(CellGroup group) {
    return new GateSubject() {
      @Override
      public String id() {
        return group.id();
      }

      @Override
      public GateVerdict decide(SuiteSession session, GateSpec gate) throws IOException {
        GateVerdict verdict = session.gate(group, gate);
        AllureCellReport.attachGroup(session.family(), group, session.groupRows(group),
            session.dir().readMetricsOf(group.cells().stream().map(CellSpec::id).toList()));
        return verdict;
      }
    };
  }
}
