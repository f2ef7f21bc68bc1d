package org.entropyharness.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SeedGroup;

/**
 * A method's results over the suite's seeds: for every metric and slice every seed measured, the mean with a
 * t-interval over seeds, and the sample standard deviation as a row of its own ({@code <metric>/sd}). The per-seed
 * values are the mean's items, so a gate over seeds pairs seeds with the baseline's.
 */
final class SeedSummary {
  private SeedSummary() {}

  static List<MetricValue> of(SeedGroup group, List<List<MetricRow>> seedRows) {
    Map<String, List<MetricRow>> byKey = new LinkedHashMap<>();
    for (List<MetricRow> rows : seedRows) {
      for (MetricRow r : rows) {
        byKey.computeIfAbsent(r.slice() + "\u0000" + r.metric(), k -> new ArrayList<>()).add(r);
      }
    }
    List<MetricValue> out = new ArrayList<>();
    for (List<MetricRow> perSeed : byKey.values()) {
      if (perSeed.size() == seedRows.size() && perSeed.stream().allMatch(r -> Double.isFinite(r.value()))) {
        out.addAll(summary(perSeed));
      }
    }
    return out;
  }

  private static List<MetricValue> summary(List<MetricRow> perSeed) {
    int k = perSeed.size();
    double[] values = perSeed.stream().mapToDouble(MetricRow::value).toArray();
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double sd = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
    double half = k > 1 ? new TDistribution(k - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(k) : Double.NaN;
    MetricRow first = perSeed.get(0);
    List<String> seeds = perSeed.stream().map(r -> "seed-" + r.seed()).toList();
    String provenance = String.format(Locale.ROOT, "mean over %d seeds, sd %.6g; 95%% t-interval over seeds", k, sd);
    return List.of(
        new MetricValue(first.metric(), first.slice(), mean, mean - half, mean + half, k, first.unit(),
            first.higherIsBetter(), provenance, perSeed.stream().mapToLong(MetricRow::failed).sum(), seeds, values),
        new MetricValue(first.metric() + "/sd", first.slice(), sd, Double.NaN, Double.NaN, k, first.unit(), false,
            "sample standard deviation over " + k + " seeds", 0, List.of(), new double[0]));
  }
}
