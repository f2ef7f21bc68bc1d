package org.entropyharness.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteSpec;

/** Turns a cell's measured values into the stored metric rows: the values with the cell's identity and provenance. */
record CellRows(SuiteSpec suite, String runId, Clock clock) {

  List<MetricRow> of(CellSpec cell, Fingerprint fingerprint, CellOutcome outcome) {
    Instant now = clock.instant();
    return outcome.metrics().stream().map(v -> row(cell, fingerprint, v, now)).toList();
  }

  private MetricRow row(CellSpec cell, Fingerprint fingerprint, MetricValue v, Instant now) {
    return new MetricRow(suite.name(), suite.family(), suite.dataset().string("name", ""), v.slice(), modelName(),
        cell.method().label(), cell.method().id(), cell.method().params().canonicalJson(), cell.seed(), cell.id(),
        v.metric(), v.value(), v.ciLow(), v.ciHigh(), v.n(), v.unit(), v.higherIsBetter(), v.provenance(), v.failed(),
        fingerprint, runId, Provenance.harnessVersion(), now, v.itemIds(), v.itemValues());
  }

  private String modelName() {
    return suite.model().string("name", suite.model().string("backend", ""));
  }
}
