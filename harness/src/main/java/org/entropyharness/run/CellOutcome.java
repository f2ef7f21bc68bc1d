package org.entropyharness.run;

import java.util.List;
import org.entropyharness.store.SampleRow;

/**
 * What a cell produced.
 *
 * @param metrics metric values per slice
 * @param samples per-item (and per-trace) rows
 */
public record CellOutcome(List<MetricValue> metrics, List<SampleRow> samples) {
  public CellOutcome {
    metrics = List.copyOf(metrics);
    samples = List.copyOf(samples);
  }
}
