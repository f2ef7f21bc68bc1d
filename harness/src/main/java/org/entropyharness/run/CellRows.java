package org.entropyharness.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.ModelRef;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SeedGroup;
import org.entropyharness.suite.SeriesCell;
import org.entropyharness.suite.SuiteSpec;

/** Turns a cell's measured values into the stored metric rows: the values with the cell's identity and provenance. */
record CellRows(SuiteSpec suite, String runId, Clock clock) {

  List<MetricRow> of(CellSpec cell, Fingerprint fingerprint, CellOutcome outcome) {
    Instant now = clock.instant();
    return outcome.metrics().stream().map(v -> row(cell, fingerprint, v, now)).toList();
  }

  private MetricRow row(CellSpec cell, Fingerprint fingerprint, MetricValue v, Instant now) {
    return new MetricRow(suite.name(), suite.family(), suite.dataset().string("name", ""), v.slice(), cell.model().name(),
        cell.method().label(), cell.method().id(), cell.method().params().canonicalJson(), cell.seed(), cell.id(),
        v.metric(), v.value(), v.ciLow(), v.ciHigh(), v.n(), v.unit(), v.higherIsBetter(), v.provenance(), v.failed(),
        fingerprint, runId, Provenance.harnessVersion(), now, v.itemIds(), v.itemValues(), modelRef(cell));
  }

  /**
   * A group's values — a series' as its family fits them, a seed group's summary — from its cells' rows, stored under
   * the group's own id with a fingerprint over all of its cells.
   */
  List<MetricRow> ofGroup(CellGroup group, SuiteFamily family, List<List<MetricRow>> cellRows) {
    if (cellRows.stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    List<MetricValue> values = group instanceof SeriesCell series
        ? family.seriesValues(series, cellRows)
        : SeedSummary.of((SeedGroup) group, cellRows);
    List<Fingerprint> cells = cellRows.stream().map(rows -> rows.get(0).fingerprint()).toList();
    Fingerprint first = cells.get(0);
    Fingerprint combined = new Fingerprint(first.dataset(),
        Fingerprint.sha256(String.join("|", cells.stream().map(Fingerprint::weights).toList())), first.method(),
        Fingerprint.sha256(String.join("|", cells.stream().map(Fingerprint::seed).toList())), first.protocol());
    MetricRow any = cellRows.get(0).get(0);
    ModelRef model = group instanceof SeriesCell s ? new ModelRef(s.series(), s.series(), null) : any.modelRef();
    long seed = group instanceof SeriesCell s ? s.seed() : -1;
    Instant now = clock.instant();
    String modelName = group instanceof SeriesCell s ? s.series() : any.model();
    return values.stream().map(v -> new MetricRow(suite.name(), suite.family(), suite.dataset().string("name", ""),
        v.slice(), modelName, group.method().label(), group.method().id(),
        group.method().params().canonicalJson(), seed, group.id(), v.metric(), v.value(), v.ciLow(),
        v.ciHigh(), v.n(), v.unit(), v.higherIsBetter(), v.provenance(), v.failed(), combined, runId,
        Provenance.harnessVersion(), now, v.itemIds(), v.itemValues(), model)).toList();
  }

  /** The cell's model as stored beside every row and sample. */
  static ModelRef modelRef(CellSpec cell) {
    return new ModelRef(cell.model().label(), cell.model().series().orElse(null), cell.model().step().orElse(null));
  }
}
