package org.entropyharness.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart and returned as PNG bytes. Each method returns empty when the rows hold
 * nothing to draw, or when the machine cannot render (no fonts); callers then leave the chart out.
 */
public final class Charts {
  private Charts() {}

  /** TTA: grouped bars of {@code metric} on each corruption (slices {@code <corruption>/<severity>}), per method. */
  public static Optional<byte[]> errorByCorruption(List<MetricRow> rows, String metric) {
    ChartPng.ensureHeadless();
    return TtaCharts.byCorruption(rows, metric);
  }

  /** TTA: {@code metric} against severity, one line per method. */
  public static Optional<byte[]> errorBySeverity(List<MetricRow> rows, String metric) {
    ChartPng.ensureHeadless();
    return TtaCharts.bySeverity(rows, metric);
  }

  /** TTA: reliability diagram in 15 bins from the samples' confidence and correctness, one line per method. */
  public static Optional<byte[]> reliabilityDiagram(List<SampleRow> samples) {
    ChartPng.ensureHeadless();
    return TtaCharts.reliability(samples);
  }

  /** Reasoning: pass@k curves ({@code pass@1}, {@code pass@2}, … on slice {@code all}), one line per strategy. */
  public static Optional<byte[]> passAtK(List<MetricRow> rows) {
    ChartPng.ensureHeadless();
    return ReasoningCharts.passAtK(rows);
  }

  /** Reasoning: accuracy against mean completion tokens, one point per method. */
  public static Optional<byte[]> accuracyVsTokens(List<MetricRow> rows, String accuracyMetric, String tokensMetric) {
    ChartPng.ensureHeadless();
    return ReasoningCharts.accuracyVsTokens(rows, accuracyMetric, tokensMetric);
  }

  /** Reasoning: histograms of trace entropy for right and for wrong traces. */
  public static Optional<byte[]> entropyHistogram(List<SampleRow> samples) {
    ChartPng.ensureHeadless();
    return ReasoningCharts.entropyHistogram(samples);
  }

  /** Checkpoints: a metric on slice {@code all} against the training step, one line per series and method. */
  public static Optional<byte[]> overSteps(List<MetricRow> rows, String metric) {
    ChartPng.ensureHeadless();
    return CheckpointCharts.overSteps(rows, metric);
  }

  /** Checkpoints: accuracy against policy entropy per checkpoint, with each series' fitted entropy–accuracy law. */
  public static Optional<byte[]> entropyAccuracy(List<MetricRow> rows, String accuracyMetric) {
    ChartPng.ensureHeadless();
    return CheckpointCharts.entropyAccuracy(rows, accuracyMetric);
  }

  /** Checkpoints: pass@k curves of each series' last checkpoint beside the models outside a series (the base). */
  public static Optional<byte[]> passAtKAgainstBase(List<MetricRow> rows) {
    ChartPng.ensureHeadless();
    return CheckpointCharts.passAtKAgainstBase(rows);
  }

  /**
   * A metric over nights, one line per series; a series without a value on a night has a gap there.
   *
   * @param nights the x labels, oldest first
   * @param series name → one value per night (null where missing), in the unit shown on the axis
   */
  public static Optional<byte[]> trend(String title, String yTitle, List<String> nights, Map<String, List<Double>> series) {
    ChartPng.ensureHeadless();
    if (series.isEmpty() || nights.isEmpty()) {
      return Optional.empty();
    }
    CategoryChart chart = new CategoryChartBuilder().width(ChartPng.WIDTH).height(ChartPng.HEIGHT).title(title)
        .xAxisTitle("night").yAxisTitle(yTitle).build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    chart.getStyler().setOverlapped(true); // lines share the night's x position instead of sitting side by side
    // With two or three distinct values XChart puts ticks at the values themselves and prints all their digits.
    chart.getStyler().setYAxisDecimalPattern("#,##0.####");
    series.forEach((name, values) -> chart.addSeries(name, nights, new ArrayList<Number>(values))
        .setMarker(SeriesMarkers.CIRCLE));
    return ChartPng.encode(chart);
  }

  /**
   * Bars of one value per method with its interval drawn as an error bar (half the interval's width).
   *
   * @param labels method labels, in rank order
   * @param values the values, in the axis unit
   * @param halfWidths half the interval widths (0 where unknown)
   */
  public static Optional<byte[]> ranking(String title, String yTitle, List<String> labels, List<Double> values,
      List<Double> halfWidths) {
    ChartPng.ensureHeadless();
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    CategoryChart chart = new CategoryChartBuilder().width(ChartPng.WIDTH).height(ChartPng.HEIGHT).title(title)
        .yAxisTitle(yTitle).build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(labels.size() > 4 ? 30 : 0);
    chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
    chart.getStyler().setYAxisMin(0.0);
    chart.addSeries(yTitle, labels, values, halfWidths);
    return ChartPng.encode(chart);
  }
}
