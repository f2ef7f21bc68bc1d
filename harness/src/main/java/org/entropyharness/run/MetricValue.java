package org.entropyharness.run;

import java.util.List;
import java.util.Objects;

/**
 * A metric a cell measured on one slice, before the run adds who, what and when.
 *
 * @param metric metric name
 * @param slice slice name, {@code all} for the whole dataset
 * @param value the value
 * @param ciLow lower end of its 95% interval (NaN when none)
 * @param ciHigh upper end
 * @param n items behind the value
 * @param unit unit, e.g. {@code rate}
 * @param higherIsBetter direction
 * @param provenance what the value is where that matters ({@code exact T=1}, {@code top-20 renormalised T=server}),
 *     or {@code missing: why} for a value that could not be measured; else ""
 * @param failed samples that failed
 * @param itemIds item ids when the value is a mean of per-item scores, else empty
 * @param itemValues the per-item scores
 */
public record MetricValue(
    String metric,
    String slice,
    double value,
    double ciLow,
    double ciHigh,
    long n,
    String unit,
    boolean higherIsBetter,
    String provenance,
    long failed,
    List<String> itemIds,
    double[] itemValues) {

  public MetricValue {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(slice, "slice");
    itemIds = List.copyOf(itemIds);
    itemValues = itemValues.clone();
  }

  /** A value with no interval and no per-item scores (throughput, memory, counts). */
  public static MetricValue plain(String metric, String slice, double value, long n, String unit, boolean higherIsBetter) {
    return new MetricValue(metric, slice, value, Double.NaN, Double.NaN, n, unit, higherIsBetter, "", 0, List.of(), new double[0]);
  }
}
