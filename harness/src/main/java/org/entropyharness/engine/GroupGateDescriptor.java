package org.entropyharness.engine;

import java.util.Set;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.CellGroup;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** One gate on a group's metric, decided by the session's gate policy like a cell's gate. */
final class GroupGateDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  private final CellGroup group;
  private final GateSpec gate;

  GroupGateDescriptor(UniqueId id, CellGroup group, GateSpec gate) {
    super(id, gate.displayName(), ReportedSource.of(group.suite().name(), group.id() + " " + gate.displayName()));
    this.group = group;
    this.gate = gate;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(group.suite());
  }

  @Override
  public String getLegacyReportingName() {
    return group.id() + " " + gate.displayName();
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    SuiteSession session = context.session();
    GateVerdict verdict;
    try {
      verdict = AllureCellReport.phase("gate", () -> session.gate(group, gate));
    } catch (Exception cellFailed) {
      throw new TestAbortedException("a cell of " + group.id() + " did not run: " + cellFailed.getMessage());
    }
    AllureCellReport.attachGroup(session.family(), group, session.groupRows(group),
        session.dir().readMetricsOf(group.cells().stream().map(c -> c.id()).toList()));
    context.listener().reportingEntryPublished(this, ReportEntry.from("gate", verdict.summary()));
    System.out.println("[" + group.suite().name() + "] " + verdict.summary());
    try {
      GateAssert.assertThat(verdict).passes();
    } catch (AssertionError failed) {
      throw new AssertionFailedError(gate.position() + ": " + gate.displayName() + failed.getMessage(), failed);
    }
    return context;
  }
}
