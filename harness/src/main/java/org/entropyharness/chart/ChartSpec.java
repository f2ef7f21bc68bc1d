package org.entropyharness.chart;

import java.util.List;
import java.util.Optional;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;

/**
 * A chart a family shows for its results: in Allure per cell and on the leaderboard per suite.
 *
 * @param name the chart's title in Allure (an attachment name)
 * @param stem the file name stem on the leaderboard
 * @param caption the caption on the leaderboard; {@code {metric}} stands for the suite's headline metric
 * @param renderer draws it, or returns empty when the rows hold nothing to draw
 */
public record ChartSpec(String name, String stem, String caption, Renderer renderer) {

  /** Draws a chart as PNG bytes from a run's metric rows, its samples and the metric being ranked. */
  @FunctionalInterface
  public interface Renderer {
    Optional<byte[]> render(List<MetricRow> rows, List<SampleRow> samples, String metric);
  }

  /** The caption with the metric filled in. */
  public String captionFor(String metric) {
    return caption.replace("{metric}", metric);
  }

  /** Renders the chart. */
  public Optional<byte[]> render(List<MetricRow> rows, List<SampleRow> samples, String metric) {
    return renderer.render(rows, samples, metric);
  }
}
