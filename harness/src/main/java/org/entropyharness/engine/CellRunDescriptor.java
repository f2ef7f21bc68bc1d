package org.entropyharness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Runs a cell and checks that it measured what the suite asked for, with finite values: the test that fails when a
 * method crashes or produces NaN, whatever the gates say.
 */
final class CellRunDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "run";

  private final CellSpec cell;

  CellRunDescriptor(UniqueId id, CellSpec cell) {
    super(id, "runs and measures " + String.join(", ", cell.suite().metrics()));
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
    state.execution().runCell(state.runner(), cell, org.entropyharness.run.CellContext.Progress.NONE);
    List<MetricRow> rows = state.dir().readCellMetrics(cell.id());
    for (String metric : cell.suite().metrics()) {
      assertThat(rows)
          .as("%s measured %s on the whole dataset", cell.id(), metric)
          .anySatisfy(r -> {
            assertThat(r.metric()).isEqualTo(metric);
            assertThat(r.slice()).isEqualTo("all");
          });
    }
    assertThat(rows)
        .as("%s produced finite values", cell.id())
        .allSatisfy(r -> assertThat(r.value()).as("%s [%s]", r.metric(), r.slice()).isFinite());
    state.cellRan(cell.id(), rows);
    return context;
  }
}
