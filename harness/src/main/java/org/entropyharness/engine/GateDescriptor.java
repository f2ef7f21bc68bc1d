package org.entropyharness.engine;

import java.util.List;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.gate.Format;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.gate.GateDecision;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/** One gate of one cell: compares the cell's metric with the baseline's and fails on a regression. */
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
  public String getLegacyReportingName() {
    return cell.id() + " " + gate.displayName();
  }

  @Override
  public SkipResult shouldBeSkipped(HarnessExecutionContext context) {
    return context.suite() != null && context.suite().rowsOf(cell.id()).isPresent()
        ? SkipResult.doNotSkip()
        : SkipResult.skip("the cell " + cell.id() + " did not run");
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    return AllureCellReport.phase("gate", () -> decide(context));
  }

  private HarnessExecutionContext decide(HarnessExecutionContext context) {
    SuiteRunState state = context.suite();
    List<MetricRow> rows = state.rowsOf(cell.id()).orElseThrow();
    MetricRow current = rows.stream()
        .filter(r -> r.metric().equals(gate.metric()) && r.slice().equals(gate.slice()))
        .findFirst()
        .orElseThrow(() -> new AssertionFailedError(cell.id() + " has no " + gate.metric() + " on slice '" + gate.slice()
            + "'; slices measured: " + String.join(", ", rows.stream().map(MetricRow::slice).distinct().toList())));
    FailedTraceCheck.reason(cell.suite(), rows).ifPresent(reason -> {
      throw new AssertionFailedError(FailedTraceCheck.message(cell.id(), gate.metric(), reason));
    });
    if (Double.isNaN(current.value())) {
      throw new AssertionFailedError(cell.id() + " could not measure the gated " + gate.metric() + " on slice "
          + gate.slice() + ": " + current.provenance());
    }
    MetricRow baseline = state.baselineRow(current.key());
    GateDecision decision = GateAssert.assertThat(current)
        .comparedTo(baseline)
        .allowingOtherFingerprint(context.allowFingerprintMismatch())
        .passes(gate);
    String summary = Format.summary(decision, current.unit());
    context.listener().reportingEntryPublished(this, ReportEntry.from("gate", summary));
    System.out.println("[" + cell.suite().name() + "] " + cell.id() + " " + summary);
    return context;
  }
}
