package org.entropyharness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellResult;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.CellSpec;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a cell and checks that it measured something on the whole dataset and that few enough of its traces failed
 * ({@link FailedTraceCheck}): the test that fails when a method crashes or a server is broken, whatever the gates then
 * say (a gate fails on its own when the metric it reads is missing or not finite).
 */
final class CellRunDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "run";

  private final CellSpec cell;

  CellRunDescriptor(UniqueId id, CellSpec cell) {
    super(id, "runs", ReportedSource.of(cell, "runs"));
    this.cell = cell;
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
    return cell.id() + " runs";
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    SuiteSession session = context.session();
    CellResult result = AllureCellReport.phase(session.family().workPhase(),
        () -> session.run(cell, CellContext.Progress.NONE));
    if (AllureCellReport.active() && !result.rows().isEmpty()) {
      AllureCellReport.attach(cell.suite(), cell, result.rows().get(0).fingerprint(), result.rows(),
          session.dir().readCellSamples(cell.id()));
    }
    assertThat(result.rows()).as("%s measured something on the whole dataset", cell.id())
        .anyMatch(r -> r.slice().equals("all"));
    var broken = FailedTraceCheck.reason(cell.suite(), result.rows());
    if (broken.isPresent()) {
      throw new AssertionFailedError(FailedTraceCheck.message(cell.id(), "runs", broken.get()));
    }
    return context;
  }
}
