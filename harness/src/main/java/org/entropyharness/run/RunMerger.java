package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.store.RunMerge;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SuiteSpec;

/**
 * Merges the run folders of a suite's shards and then computes what no shard could alone: the rows of groups of
 * cells (series of checkpoints, seeds of a method), whose cells may have run on different shards.
 */
public final class RunMerger {
  private RunMerger() {}

  /**
   * Merges {@code shards} into {@code out}; the suite file the manifest names is read for its series (given with
   * {@code suiteFile} when it moved), and a series whose checkpoints all ran gets its rows.
   */
  public static RunManifest merge(List<RunDirectory> shards, RunDirectory out, Optional<Path> suiteFile)
      throws IOException {
    if (shards.isEmpty()) {
      return RunMerge.merge(shards, out); // says what to give
    }
    SuiteSpec suite = RunGates.suiteOf(shards.get(0), suiteFile); // before anything is written
    RunManifest merged = RunMerge.merge(shards, out);
    if (suite.groups().isEmpty()) {
      return merged;
    }
    List<String> ran = merged.cells().stream().map(RunManifest.CellEntry::id).toList();
    List<MetricRow> groups = new ArrayList<>();
    CellRows rows = new CellRows(suite, out.runId(), Clock.systemUTC());
    for (CellGroup group : suite.groups()) {
      List<String> ids = group.cells().stream().map(CellSpec::id).toList();
      if (ran.containsAll(ids)) {
        List<List<MetricRow>> cellRows = new ArrayList<>();
        for (String id : ids) {
          cellRows.add(out.readCellMetrics(id));
        }
        groups.addAll(rows.ofGroup(group, Families.of(suite), cellRows));
      }
    }
    out.consolidate(ran, groups);
    return merged;
  }
}
