package org.entropyharness.engine;

import java.util.Set;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One gate of one cell, decided by the session's gate policy: passes, fails (a regression, an incomparable baseline,
 * a missing value), or is aborted when the suite has no baseline yet or the cell did not run.
 */
final class GateDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "gate";

  private final CellSpec cell;
  private final GateSpec gate;

  GateDescriptor(UniqueId id, CellSpec cell, GateSpec gate) {
    super(id, gate.displayName(), ReportedSource.of(cell, gate.displayName()));
    this.cell = cell;
    this.gate = gate;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(cell.suite());
  }

  @Override
  public String getLegacyReportingName() {
    return cell.id() + " " + gate.displayName();
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    SuiteSession session = context.session();
    GateVerdict verdict;
    try {
      verdict = AllureCellReport.phase("gate", () -> session.gate(cell, gate));
    } catch (Exception cellFailed) {
      throw new TestAbortedException("the cell " + cell.id() + " did not run: " + cellFailed.getMessage());
    }
    context.listener().reportingEntryPublished(this, ReportEntry.from("gate", verdict.summary()));
    System.out.println("[" + cell.suite().name() + "] " + verdict.summary());
    try {
      GateAssert.assertThat(verdict).passes();
    } catch (AssertionError failed) {
      // The gate's YAML line leads the message: consoles and IDEs link file:line:column.
      throw new AssertionFailedError(gate.position() + ": " + gate.displayName() + failed.getMessage(), failed);
    }
    return context;
  }
}
