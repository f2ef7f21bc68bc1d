package org.entropyharness.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.SuiteExecution;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteSpec;

/**
 * The state of one suite while the engine runs it: its cell runner, run folder, baseline, and the rows of the cells
 * that ran. Lives from the suite container's {@code before} to its {@code after}.
 */
final class SuiteRunState implements AutoCloseable {
  private final SuiteSpec suite;
  private final CellRunner runner;
  private final RunDirectory dir;
  private final SuiteExecution execution;
  private final Map<String, MetricRow> baseline = new HashMap<>();
  private final Map<String, List<MetricRow>> cellRows = new HashMap<>();
  private final List<String> ranCells = new ArrayList<>();

  SuiteRunState(SuiteSpec suite, CellRunner runner, RunDirectory dir, SuiteExecution execution, List<MetricRow> baselineRows) {
    this.suite = suite;
    this.runner = runner;
    this.dir = dir;
    this.execution = execution;
    baselineRows.forEach(r -> baseline.put(r.key(), r));
  }

  SuiteSpec suite() {
    return suite;
  }

  CellRunner runner() {
    return runner;
  }

  SuiteExecution execution() {
    return execution;
  }

  RunDirectory dir() {
    return dir;
  }

  void cellRan(String cellId, List<MetricRow> rows) {
    cellRows.put(cellId, rows);
    ranCells.add(cellId);
  }

  /** The rows of a cell that ran, or empty if it did not run or failed. */
  Optional<List<MetricRow>> rowsOf(String cellId) {
    return Optional.ofNullable(cellRows.get(cellId));
  }

  MetricRow baselineRow(String key) {
    return baseline.get(key);
  }

  boolean hasBaseline() {
    return !baseline.isEmpty();
  }

  @Override
  public void close() throws IOException {
    try {
      if (!ranCells.isEmpty()) {
        dir.consolidate(ranCells);
      }
    } finally {
      try {
        runner.close();
      } catch (Exception e) {
        throw new IOException("closing the cell runner of " + suite.name() + " failed", e);
      }
    }
  }
}
