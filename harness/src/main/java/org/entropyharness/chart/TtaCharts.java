package org.entropyharness.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of test-time adaptation runs: error by corruption and by severity, and reliability diagrams. */
final class TtaCharts {
  static final int RELIABILITY_BINS = 15;

  private TtaCharts() {}

  /** Grouped bars: the metric on each corruption (mean over severities), one bar per method. */
  static Optional<byte[]> byCorruption(List<MetricRow> rows, String metric) {
    Map<String, Map<String, Double>> byMethod = meanBy(rows, metric, s -> s.corruption());
    if (byMethod.isEmpty()) {
      return Optional.empty();
    }
    List<String> corruptions = new ArrayList<>(new TreeSet<>(byMethod.values().iterator().next().keySet()));
    CategoryChart chart = new CategoryChartBuilder().width(ChartPng.WIDTH * 2).height(ChartPng.HEIGHT)
        .title(metric + " by corruption").yAxisTitle(axis(rows, metric)).build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(35);
    chart.getStyler().setAvailableSpaceFill(0.8);
    double scale = scale(rows, metric);
    byMethod.forEach((method, values) -> chart.addSeries(method, corruptions,
        corruptions.stream().map(c -> (Number) (values.getOrDefault(c, Double.NaN) * scale)).toList()));
    return ChartPng.encode(chart);
  }

  /** One line per method: the metric at each severity (mean over corruptions). */
  static Optional<byte[]> bySeverity(List<MetricRow> rows, String metric) {
    Map<String, Map<Integer, Double>> byMethod = meanBy(rows, metric, s -> s.severity());
    if (byMethod.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = new XYChartBuilder().width(ChartPng.WIDTH).height(ChartPng.HEIGHT)
        .title(metric + " by severity").xAxisTitle("severity").yAxisTitle(axis(rows, metric)).build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0");
    double scale = scale(rows, metric);
    byMethod.forEach((method, values) -> chart.addSeries(method, new ArrayList<>(values.keySet()),
        values.values().stream().map(v -> v * scale).toList()).setMarker(SeriesMarkers.CIRCLE));
    return ChartPng.encode(chart);
  }

  /** Accuracy against confidence in 15 equal bins, one line per method, with the diagonal of perfect calibration. */
  static Optional<byte[]> reliability(List<SampleRow> samples) {
    Map<String, List<SampleRow>> byMethod = new LinkedHashMap<>();
    samples.stream().filter(s -> s.correct() != null && Double.isFinite(s.confidence()))
        .forEach(s -> byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(s));
    if (byMethod.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = new XYChartBuilder().width(ChartPng.WIDTH).height(ChartPng.HEIGHT)
        .title("reliability diagram (" + RELIABILITY_BINS + " bins)").xAxisTitle("confidence")
        .yAxisTitle("accuracy").build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setMarker(SeriesMarkers.NONE).setLineColor(java.awt.Color.GRAY).setLineStyle(ChartPng.dashed());
    byMethod.forEach((method, rows) -> {
      double[][] curve = reliabilityCurve(rows);
      chart.addSeries(method, curve[0], curve[1]).setMarker(SeriesMarkers.CIRCLE);
    });
    return ChartPng.encode(chart);
  }

  /** Mean confidence and accuracy of each non-empty bin: {@code [confidences, accuracies]}. */
  static double[][] reliabilityCurve(List<SampleRow> rows) {
    double[] confidence = new double[RELIABILITY_BINS];
    double[] correct = new double[RELIABILITY_BINS];
    int[] count = new int[RELIABILITY_BINS];
    for (SampleRow s : rows) {
      int bin = Math.min(RELIABILITY_BINS - 1, Math.max(0, (int) (s.confidence() * RELIABILITY_BINS)));
      confidence[bin] += s.confidence();
      correct[bin] += s.correct() ? 1 : 0;
      count[bin]++;
    }
    List<double[]> points = new ArrayList<>();
    for (int b = 0; b < RELIABILITY_BINS; b++) {
      if (count[b] > 0) {
        points.add(new double[] {confidence[b] / count[b], correct[b] / count[b]});
      }
    }
    return new double[][] {
      points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()
    };
  }

  /** Mean of the metric per method and per slice part (corruption or severity), methods in first-seen order. */
  private static <K extends Comparable<K>> Map<String, Map<K, Double>> meanBy(
      List<MetricRow> rows, String metric, Function<ShiftSlice, K> part) {
    Map<String, Map<K, double[]>> sums = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      Optional<ShiftSlice> slice = ShiftSlice.parse(r.slice());
      if (r.metric().equals(metric) && slice.isPresent() && Double.isFinite(r.value())) {
        double[] acc = sums.computeIfAbsent(r.method(), k -> new TreeMap<>())
            .computeIfAbsent(part.apply(slice.get()), k -> new double[2]);
        acc[0] += r.value();
        acc[1]++;
      }
    }
    Map<String, Map<K, Double>> means = new LinkedHashMap<>();
    sums.forEach((method, m) -> {
      Map<K, Double> out = new TreeMap<>();
      m.forEach((k, acc) -> out.put(k, acc[0] / acc[1]));
      means.put(method, out);
    });
    return means;
  }

  static double scale(List<MetricRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().map(r -> "rate".equals(r.unit()) ? 100.0 : 1.0)
        .orElse(1.0);
  }

  static String axis(List<MetricRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).findFirst()
        .map(r -> "rate".equals(r.unit()) ? metric + " (%)" : metric + " (" + r.unit() + ")").orElse(metric);
  }

  /** A slice of the form {@code <corruption>/<severity>}. */
  record ShiftSlice(String corruption, int severity) {
    static Optional<ShiftSlice> parse(String slice) {
      int slash = slice.lastIndexOf('/');
      if (slash <= 0) {
        return Optional.empty();
      }
      try {
        return Optional.of(new ShiftSlice(slice.substring(0, slash), Integer.parseInt(slice.substring(slash + 1))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
