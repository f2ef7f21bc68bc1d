package org.entropyharness.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entropyharness.store.MetricRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts that compare checkpoints (rows carrying a series and a step): a metric over training steps per series, the
 * entropy–accuracy scatter with the fitted law R = −a·exp(H) + b, and the pass@k curves of each series' last
 * checkpoint beside the base model's.
 */
final class CheckpointCharts {
  private static final Pattern PASS_AT = Pattern.compile("pass@(\\d+)");
  /** Pixels a legend entry takes when entries are listed one per line. */

  private CheckpointCharts() {}

  /** A metric on slice {@code all} against the training step, one line per series and method, intervals as bars. */
  static Optional<byte[]> overSteps(List<MetricRow> rows, String metric) {
    Map<String, TreeMap<Long, MetricRow>> lines = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (r.metric().equals(metric) && "all".equals(r.slice()) && r.modelRef().step() != null
          && r.modelRef().series() != null && Double.isFinite(r.value())) {
        lines.computeIfAbsent(r.modelRef().series() + " " + r.method(), k -> new TreeMap<>()).put(r.modelRef().step(), r);
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    double scale = "rate".equals(lines.values().iterator().next().firstEntry().getValue().unit()) ? 100 : 1;
    XYChart chart = ChartPng.xyChart(metric + " over training", "step", metric + (scale == 100 ? " (%)" : ""), lines.size());
    chart.getStyler().setErrorBarsColor(java.awt.Color.GRAY);
    lines.forEach((name, points) -> {
      List<Long> x = new ArrayList<>(points.keySet());
      List<Double> y = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (MetricRow r : points.values()) {
        y.add(r.value() * scale);
        double half = (r.ciHigh() - r.ciLow()) / 2 * scale;
        err.add(Double.isFinite(half) ? half : 0);
      }
      chart.addSeries(name, x, y, err).setMarker(SeriesMarkers.CIRCLE);
    });
    return ChartPng.encode(chart);
  }

  /**
   * Accuracy against policy entropy, one point per checkpoint, with each series' fitted law drawn over the entropy
   * range when the rows hold it ({@code entropy-law-a}, {@code entropy-law-b} of the series).
   */
  static Optional<byte[]> entropyAccuracy(List<MetricRow> rows, String accuracyMetric) {
    Map<String, Map<Long, double[]>> points = new LinkedHashMap<>();
    Map<String, double[]> laws = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (!"all".equals(r.slice()) || r.modelRef().series() == null || !Double.isFinite(r.value())) {
        continue;
      }
      String key = r.modelRef().series() + " " + r.method();
      if (r.metric().startsWith("entropy-law-") && r.modelRef().step() == null) {
        double[] ab = laws.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN});
        ab[0] = r.metric().equals("entropy-law-a") ? r.value() : ab[0];
        ab[1] = r.metric().equals("entropy-law-b") ? r.value() : ab[1];
      } else if (r.modelRef().step() != null
          && (r.metric().equals("policy-entropy") || r.metric().equals(accuracyMetric))) {
        double[] p = points.computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(r.modelRef().step(), s -> new double[] {Double.NaN, Double.NaN});
        p[r.metric().equals("policy-entropy") ? 0 : 1] = r.value();
      }
    }
    points.values().forEach(m -> m.values().removeIf(p -> !Double.isFinite(p[0]) || !Double.isFinite(p[1])));
    points.values().removeIf(Map::isEmpty);
    if (points.isEmpty()) {
      return Optional.empty();
    }
    long fits = points.keySet().stream().filter(laws::containsKey).count();
    XYChart chart = ChartPng.xyChart(accuracyMetric + " against policy entropy", "policy entropy H (nats)",
        accuracyMetric + " R (%)", points.size() + (int) fits);
    List<String> keys = new ArrayList<>(points.keySet());
    points.forEach((key, byStep) -> {
      double[] h = byStep.values().stream().mapToDouble(p -> p[0]).toArray();
      double[] r = byStep.values().stream().mapToDouble(p -> p[1] * 100).toArray();
      // A series and its fitted law share one colour, so the eye pairs them.
      java.awt.Color colour = ChartPng.PALETTE[keys.indexOf(key) % ChartPng.PALETTE.length];
      chart.addSeries(key, h, r).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerColor(colour);
      double[] ab = laws.get(key);
      if (ab != null && Double.isFinite(ab[0]) && Double.isFinite(ab[1])) {
        double lo = java.util.Arrays.stream(h).min().orElseThrow();
        double hi = java.util.Arrays.stream(h).max().orElseThrow();
        double[] x = new double[21];
        double[] y = new double[21];
        for (int i = 0; i < x.length; i++) {
          x[i] = lo + (hi - lo) * i / (x.length - 1);
          y[i] = (-ab[0] * Math.exp(x[i]) + ab[1]) * 100;
        }
        chart.addSeries(key + " fit", x, y).setMarker(SeriesMarkers.NONE).setLineStyle(ChartPng.dashed())
            .setLineColor(colour);
      }
    });
    return ChartPng.encode(chart);
  }

  /** pass@k against k for the last checkpoint of each series and for every model that is not in a series. */
  static Optional<byte[]> passAtKAgainstBase(List<MetricRow> rows) {
    Map<String, Long> lastStep = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (r.modelRef().series() != null && r.modelRef().step() != null) {
        lastStep.merge(r.modelRef().series(), r.modelRef().step(), Math::max);
      }
    }
    if (lastStep.isEmpty()) {
      return Optional.empty();
    }
    Map<String, TreeMap<Integer, Double>> curves = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      Matcher m = PASS_AT.matcher(r.metric());
      boolean last = r.modelRef().series() == null || r.modelRef().step() == null
          || r.modelRef().step().equals(lastStep.get(r.modelRef().series()));
      if ("all".equals(r.slice()) && m.matches() && last && Double.isFinite(r.value())) {
        curves.computeIfAbsent(r.modelRef().label() + " " + r.method(), k -> new TreeMap<>())
            .put(Integer.parseInt(m.group(1)), r.value() * 100);
      }
    }
    curves.values().removeIf(c -> c.size() < 2);
    if (curves.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = ChartPng.xyChart("pass@k: last checkpoints and base", "k", "pass@k (%)", curves.size());
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisDecimalPattern("0");
    curves.forEach((name, c) -> chart.addSeries(name, new ArrayList<>(c.keySet()), new ArrayList<>(c.values()))
        .setMarker(SeriesMarkers.CIRCLE));
    return ChartPng.encode(chart);
  }

}
