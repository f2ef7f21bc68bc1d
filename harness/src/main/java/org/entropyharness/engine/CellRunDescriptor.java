package org.entropyharness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.store.MetricRow;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.CellContext;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.Family;
import org.entropyharness.suite.GateSpec;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a cell and checks that it measured what its gates read, as finite numbers: the test that fails when a method
 * crashes or produces NaN, whatever the gates then say, and when too many of its traces failed
 * ({@link FailedTraceCheck}). (Metrics that do not apply to a cell, such as pass@8 of a one-sample strategy, are
 * simply absent.)
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
  public String getLegacyReportingName() {
    return cell.id() + " runs";
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    SuiteRunState state = context.suite();
    Fingerprint fingerprint = AllureCellReport.phase("load", () -> state.runner().fingerprint(cell));
    String work = cell.suite().family() == Family.TTA ? "adapt" : "generate";
    AllureCellReport.phase(work, () -> {
      state.execution().runCell(state.runner(), cell, CellContext.Progress.NONE);
      return null;
    });
    List<MetricRow> rows = AllureCellReport.phase("score", () -> state.dir().readCellMetrics(cell.id()));
    AllureCellReport.attach(cell.suite(), cell, fingerprint, rows, state.dir().readCellSamples(cell.id()));
    assertThat(rows).as("%s measured something on the whole dataset", cell.id()).anyMatch(r -> r.slice().equals("all"));
    state.cellRan(cell.id(), rows);
    var broken = FailedTraceCheck.reason(cell.suite(), rows);
    if (broken.isPresent()) {
      throw new AssertionFailedError(FailedTraceCheck.message(cell.id(), "runs", broken.get()));
    }
    for (GateSpec gate : cell.suite().gatesFor(cell)) {
      rows.stream()
          .filter(r -> r.metric().equals(gate.metric()) && r.slice().equals(gate.slice()) && Double.isNaN(r.value()))
          .findFirst()
          .ifPresent(r -> {
            throw new AssertionFailedError(cell.id() + " could not measure the gated " + gate.metric() + " on slice "
                + gate.slice() + ": " + r.provenance());
          });
      assertThat(rows)
          .as("%s measured the gated %s on slice %s, as a finite number", cell.id(), gate.metric(), gate.slice())
          .anySatisfy(r -> {
            assertThat(r.metric()).isEqualTo(gate.metric());
            assertThat(r.slice()).isEqualTo(gate.slice());
            assertThat(r.value()).isFinite();
          });
    }
    return context;
  }
}
