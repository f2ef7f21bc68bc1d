package org.entropyharness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.store.MetricRow;

/**
 * A method's spread over the suite's seeds: for each (method label, slice, metric) the mean and the sample standard
 * deviation (n − 1) of the per-seed values, as the public TTA benchmarks report them, from the cells' rows alone
 * (so it also reads runs made before the session added {@code <method>@seeds} group rows). Non-finite values (a
 * metric not measured) are left out and counted.
 */
public final class SeedSpread {
  private SeedSpread() {}

  /**
   * One method's aggregate.
   *
   * @param method the cell's method label
   * @param slice slice name
   * @param metric metric name
   * @param mean mean over seeds with a finite value (NaN when none)
   * @param std sample standard deviation (NaN with fewer than two)
   * @param seeds seeds with a finite value
   * @param missing seeds whose value was not finite
   * @param unit the metric's unit
   */
  public record Row(String method, String slice, String metric, double mean, double std, int seeds, int missing,
      String unit) {}

  /** The aggregates of {@code rows}, in the order methods, slices and metrics first appear. */
  public static List<Row> of(List<MetricRow> rows) {
    Map<List<String>, List<MetricRow>> groups = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (r.cellId().endsWith("@seeds") || r.metric().endsWith("/sd")) {
        continue; // a group's own rows (the session's mean over seeds), not a seed's cell
      }
      groups.computeIfAbsent(List.of(r.method(), r.slice(), r.metric()), k -> new ArrayList<>()).add(r);
    }
    List<Row> out = new ArrayList<>();
    groups.forEach((key, group) -> out.add(aggregate(key, group)));
    return out;
  }

  private static Row aggregate(List<String> key, List<MetricRow> group) {
    double[] values = group.stream().mapToDouble(MetricRow::value).filter(Double::isFinite).toArray();
    int n = values.length;
    double mean = n == 0 ? Double.NaN : java.util.Arrays.stream(values).sum() / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    return new Row(key.get(0), key.get(1), key.get(2), mean, std, n, group.size() - n, group.get(0).unit());
  }
}
