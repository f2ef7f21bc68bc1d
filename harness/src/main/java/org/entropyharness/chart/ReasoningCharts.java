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
import org.entropyharness.store.SampleRow;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of reasoning runs: pass@k curves, accuracy against tokens, entropy of right and wrong traces. */
final class ReasoningCharts {
  private static final Pattern PASS_AT = Pattern.compile("pass@(\\d+)");
  private static final int ENTROPY_BINS = 20;

  private ReasoningCharts() {}

  /** pass@k against k on slice {@code all}, one line per method (per model and method when there are several models). */
  static Optional<byte[]> passAtK(List<MetricRow> rows) {
    boolean severalModels = MetricRow.ofSeveralModels(rows);
    Map<String, TreeMap<Integer, Double>> curves = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      Matcher m = PASS_AT.matcher(r.metric());
      if ("all".equals(r.slice()) && m.matches() && Double.isFinite(r.value())) {
        curves.computeIfAbsent(r.cellName(severalModels), k -> new TreeMap<>())
            .put(Integer.parseInt(m.group(1)), r.value() * 100);
      }
    }
    if (curves.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = ChartPng.xyChart("pass@k", "k", "pass@k (%)", curves.size());
    chart.getStyler().setXAxisLogarithmic(curves.values().stream().anyMatch(c -> c.lastKey() >= 16));
    chart.getStyler().setXAxisDecimalPattern("0");
    curves.forEach((method, c) -> chart.addSeries(method, new ArrayList<>(c.keySet()), new ArrayList<>(c.values()))
        .setMarker(SeriesMarkers.CIRCLE));
    return ChartPng.encode(chart);
  }

  /** One point per method (per model and method): accuracy on slice {@code all} against mean completion tokens. */
  static Optional<byte[]> accuracyVsTokens(List<MetricRow> rows, String accuracyMetric, String tokensMetric) {
    boolean severalModels = MetricRow.ofSeveralModels(rows);
    Map<String, double[]> points = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if ("all".equals(r.slice()) && (r.metric().equals(accuracyMetric) || r.metric().equals(tokensMetric))) {
        double[] p = points.computeIfAbsent(r.cellName(severalModels), k -> new double[] {Double.NaN, Double.NaN});
        p[r.metric().equals(tokensMetric) ? 0 : 1] = r.value();
      }
    }
    points.values().removeIf(p -> !Double.isFinite(p[0]) || !Double.isFinite(p[1]));
    if (points.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = ChartPng.xyChart(accuracyMetric + " vs " + tokensMetric, "mean completion tokens",
        accuracyMetric + " (%)", points.size());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    // With one or two points XChart puts ticks at the values and prints all their digits.
    chart.getStyler().setXAxisDecimalPattern("#,##0.##");
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    chart.getStyler().setMarkerSize(12);
    points.forEach((method, p) -> chart.addSeries(method, new double[] {p[0]}, new double[] {p[1] * 100}));
    return ChartPng.encode(chart);
  }

  /** Overlapping histograms of trace entropy, right against wrong, as shares of their own group. */
  static Optional<byte[]> entropyHistogram(List<SampleRow> samples) {
    List<Double> right = new ArrayList<>();
    List<Double> wrong = new ArrayList<>();
    for (SampleRow s : samples) {
      if (s.correct() != null && Double.isFinite(s.entropy())) {
        (s.correct() ? right : wrong).add(s.entropy());
      }
    }
    if (right.isEmpty() && wrong.isEmpty()) {
      return Optional.empty();
    }
    double min = java.util.stream.Stream.concat(right.stream(), wrong.stream()).mapToDouble(d -> d).min().orElse(0);
    double max = java.util.stream.Stream.concat(right.stream(), wrong.stream()).mapToDouble(d -> d).max().orElse(1);
    max = max > min ? max : min + 1;
    CategoryChart chart = new CategoryChartBuilder().width(ChartPng.WIDTH).height(ChartPng.HEIGHT)
        .title("trace entropy: right vs wrong").xAxisTitle("mean token entropy (nats)").yAxisTitle("share of traces (%)")
        .build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(0.96);
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisLabelRotation(45);
    addHistogram(chart, "right (" + right.size() + ")", right, min, max);
    addHistogram(chart, "wrong (" + wrong.size() + ")", wrong, min, max);
    return ChartPng.encode(chart);
  }

  private static void addHistogram(CategoryChart chart, String name, List<Double> values, double min, double max) {
    // XChart asks its data whether it holds null, which an immutable List.of answers with an exception: when every
    // trace is right (or every one wrong) the empty group is drawn from a mutable one-point list at zero share
    Histogram h = new Histogram(values.isEmpty() ? new ArrayList<>(List.of(min)) : values, ENTROPY_BINS, min, max);
    double total = Math.max(1, values.size());
    List<Double> shares = h.getyAxisData().stream().map(c -> values.isEmpty() ? 0 : c * 100 / total).toList();
    CategorySeries series = chart.addSeries(name, h.getxAxisData(), shares);
    java.awt.Color c = ChartPng.PALETTE[chart.getSeriesMap().size() == 1 ? 2 : 1];
    series.setFillColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
  }
}
