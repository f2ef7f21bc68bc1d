package org.entropyharness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed baselines: {@code baselines/<suite>.arrow}, the metric rows (with per-item scores) of a promoted run.
 * Changed only by an explicit promote; a damaged file is an error, never an empty baseline.
 */
public final class Baselines {
  private final Path dir;

  public Baselines(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path file(String suite) {
    return dir.resolve(suite + ".arrow");
  }

  /** The suite's baseline rows, or empty when the suite has none yet. */
  public Optional<List<MetricRow>> read(String suite) throws StoreException {
    Path file = file(suite);
    try {
      AtomicFiles.removeDebris(dir); // what a promote killed mid-write left behind
    } catch (IOException e) {
      // a read-only checkout: the leftovers are ignored, as every reader names its file exactly
    }
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(ArrowTables.read(file, MetricRow.TABLE));
  }

  /** The suite's baseline indexed by cell, slice and metric, or empty when the suite has no baseline file. */
  public Optional<Baseline> find(String suite) throws StoreException {
    Optional<List<MetricRow>> rows = read(suite);
    return rows.isEmpty() ? Optional.empty() : Optional.of(Baseline.of(file(suite), rows.get()));
  }

  /**
   * Writes a run's rows of one suite as its baseline.
   *
   * @param force replace a baseline whose cells have other fingerprints
   * @return what changed, one line per cell
   * @throws StoreException when the run has no rows of the suite, or fingerprints differ and force is off
   */
  public List<String> promote(String suite, List<MetricRow> runRows, boolean force) throws IOException {
    return promote(suite, runRows, force, false);
  }

  /**
   * Writes a run's rows of one suite as its baseline, or with {@code partial} as the new rows of the run's cells only,
   * keeping the baseline's rows of every other cell.
   */
  public List<String> promote(String suite, List<MetricRow> runRows, boolean force, boolean partial) throws IOException {
    List<MetricRow> rows = runRows.stream().filter(r -> r.suite().equals(suite)).toList();
    if (rows.isEmpty()) {
      throw new StoreException("the run has no metric rows of suite '" + suite + "'; pick the suite the run ran (--suite)");
    }
    Map<String, Fingerprint> previous = new HashMap<>();
    read(suite).orElse(List.of()).forEach(r -> previous.put(r.cellId(), r.fingerprint()));
    List<String> changes = new ArrayList<>();
    Map<String, Fingerprint> current = new java.util.LinkedHashMap<>();
    rows.forEach(r -> current.putIfAbsent(r.cellId(), r.fingerprint()));
    for (var cell : current.entrySet()) {
      Fingerprint before = previous.get(cell.getKey());
      if (before == null) {
        changes.add(cell.getKey() + ": new");
      } else if (!before.value().equals(cell.getValue().value())) {
        List<String> parts = before.differingParts(cell.getValue());
        if (!force) {
          throw new StoreException(
              file(suite) + ": cell " + cell.getKey() + " of the run has another fingerprint (differs in: "
                  + String.join(", ", parts) + "); promote with --force to replace the baseline anyway");
        }
        changes.add(cell.getKey() + ": replaced (fingerprint differs in " + String.join(", ", parts) + ")");
      } else {
        changes.add(cell.getKey() + ": updated");
      }
    }
    List<MetricRow> written = rows;
    if (partial) {
      List<MetricRow> kept = read(suite).orElse(List.of()).stream().filter(r -> !current.containsKey(r.cellId())).toList();
      written = new ArrayList<>(kept);
      written.addAll(rows);
      kept.stream().map(MetricRow::cellId).distinct().forEach(c -> changes.add(c + ": kept"));
    }
    ArrowTables.write(file(suite), MetricRow.TABLE, written);
    return changes;
  }
}
