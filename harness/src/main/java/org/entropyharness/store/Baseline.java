package org.entropyharness.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A suite's committed baseline, indexed by {@link MetricRow#key()} (cell, slice, metric).
 *
 * @param file where it was read from
 * @param rows the rows by key
 */
public record Baseline(Path file, Map<String, MetricRow> rows) {

  public Baseline {
    rows = Map.copyOf(rows);
  }

  /**
   * Indexes a baseline's rows.
   *
   * @throws StoreException when two rows have the same cell, slice and metric (a baseline must say one thing)
   */
  public static Baseline of(Path file, List<MetricRow> rows) throws StoreException {
    Map<String, MetricRow> byKey = new LinkedHashMap<>();
    for (MetricRow row : rows) {
      if (byKey.putIfAbsent(row.key(), row) != null) {
        throw new StoreException(file + ": two rows for cell " + row.cellId() + ", slice " + row.slice() + ", metric "
            + row.metric() + "; the file is damaged or was written by hand: promote a run again");
      }
    }
    return new Baseline(file, byKey);
  }

  /** The baseline's row for a key, if it has one. */
  public Optional<MetricRow> row(String key) {
    return Optional.ofNullable(rows.get(key));
  }
}
