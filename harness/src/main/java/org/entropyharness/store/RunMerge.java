package org.entropyharness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines the run folders of a suite's shards into one run: the cells of every shard, in suite order, as if one
 * machine had run them all.
 */
public final class RunMerge {
  private RunMerge() {}

  /**
   * Merges {@code shards} into {@code out}.
   *
   * @throws StoreException when the shards ran different suites or suite versions, overlap, or one is unfinished
   */
  public static RunManifest merge(List<RunDirectory> shards, RunDirectory out) throws IOException {
    if (shards.isEmpty()) {
      throw new StoreException("nothing to merge; give the run folders of the shards");
    }
    RunManifest first = shards.get(0).readManifest();
    Map<Integer, RunManifest.CellEntry> cells = new TreeMap<>();
    Map<String, RunDirectory> source = new java.util.HashMap<>();
    for (RunDirectory shard : shards) {
      RunManifest m = shard.readManifest();
      if (!m.suiteSha256().equals(first.suiteSha256())) {
        throw new StoreException(shard.manifestFile() + ": ran another suite file (" + m.suite() + ", sha256 "
            + m.suiteSha256().substring(0, 12) + ") than " + shards.get(0).root() + "; merge shards of one suite run");
      }
      for (RunManifest.CellEntry cell : m.cells()) {
        if (!shard.isDone(cell.id())) {
          throw new StoreException(shard.root() + ": cell " + cell.id() + " has not finished; resume that shard first");
        }
        if (cells.putIfAbsent(cell.index(), cell) != null) {
          throw new StoreException(shard.root() + ": cell " + cell.id() + " is in two shards; merge each shard once");
        }
        source.put(cell.id(), shard);
      }
    }
    // Checked everything before writing anything: a refused merge leaves no folder behind.
    for (RunManifest.CellEntry cell : cells.values()) {
      copyCell(source.get(cell.id()), out, cell.id());
    }
    List<RunManifest.CellEntry> ordered = new ArrayList<>(cells.values());
    ordered.sort(Comparator.comparingInt(RunManifest.CellEntry::index));
    out.consolidate(ordered.stream().map(RunManifest.CellEntry::id).toList());
    RunManifest merged = new RunManifest(out.runId(), first.suite(), first.suiteFile(), first.suiteSha256(),
        first.suiteText(), "merged from " + shards.size() + " shards", first.suiteCells(), first.versions(),
        first.hardware(),
        first.startedAt(), Instant.now(), ordered);
    out.writeManifest(merged);
    return merged;
  }

  private static void copyCell(RunDirectory from, RunDirectory to, String cellId) throws IOException {
    for (String table : List.of("samples", "metrics")) {
      var target = to.cellFile(cellId, table);
      Files.createDirectories(target.getParent());
      Files.copy(from.cellFile(cellId, table), target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
