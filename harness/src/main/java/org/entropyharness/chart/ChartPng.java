package org.entropyharness.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.Optional;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Turns an XChart chart into PNG bytes with the house look. Rendering runs headless; a machine without any usable
 * font (the JDK then fails inside AWT) gets no chart and a warning instead of a crashed report.
 */
final class ChartPng {
  private static final int LEGEND_LINE = 18;
  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private ChartPng() {}

  /** Sets {@code java.awt.headless=true} unless the JVM was started with a choice; must run before AWT loads. */
  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Applies the shared style: white, light grid, legend below, one palette. */
  static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setSeriesColors(PALETTE);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setAntiAlias(true);
    styler.setChartPadding(12);
  }

  /**
   * An XY chart in the house style whose legend fits: up to three entries side by side below the plot, more one per
   * line (a row of checkpoint or cell names is wider than the chart), the picture taller by a line per entry.
   */
  static XYChart xyChart(String title, String xTitle, String yTitle, int legendEntries) {
    boolean vertical = legendEntries > 3;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + (vertical ? LEGEND_LINE * legendEntries : 0))
        .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(chart.getStyler());
    if (vertical) {
      chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }
    return chart;
  }

  /** Dashed stroke for reference lines (e.g. perfect calibration). */
  static BasicStroke dashed() {
    return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /** The chart as PNG, or empty when this machine cannot render (no fonts, no AWT). */
  static Optional<byte[]> encode(Chart<?, ?> chart) {
    ensureHeadless();
    try {
      return Optional.of(BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
    } catch (IOException | RuntimeException | LinkageError e) {
      System.err.println("warning: chart '" + chart.getTitle() + "' not rendered (" + e + "); install fonts-dejavu-core");
      return Optional.empty();
    }
  }
}
