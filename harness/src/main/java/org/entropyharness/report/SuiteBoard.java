package org.entropyharness.report;

import java.util.List;
import java.util.Map;

/**
 * What the leaderboard shows of one suite on its latest night: a ranking on the main metric, deltas, the trend over
 * nights and each cell's details. Values are already formatted; templates only place them (and escape them).
 *
 * @param suite suite name
 * @param family tta or reasoning
 * @param dataset dataset name
 * @param model model name(s)
 * @param metric the main metric
 * @param unit its unit
 * @param direction "lower is better" or "higher is better"
 * @param night the suite's latest night
 * @param previousNight the night before it that ran the suite, or "" when none
 * @param page file name of the suite's page
 * @param slug safe name for file names and anchors
 * @param standings cells ranked on the main metric, best first
 * @param nights the nights that ran the suite, oldest first
 * @param trend per series (method, or cell when a method has several seeds), the main metric per night in axis units
 * @param trendAxis the trend chart's y axis title
 * @param history per series, the formatted value of each night (for the table beside the trend chart)
 * @param cells the latest night's cells in rank order
 * @param latestRows the latest night's rows of the suite (for family charts)
 * @param regressions how many cells are worse than baseline or previous night
 */
public record SuiteBoard(
    String suite,
    String family,
    String dataset,
    String model,
    String metric,
    String unit,
    String direction,
    String night,
    String previousNight,
    String page,
    String slug,
    List<Standing> standings,
    List<String> nights,
    Map<String, List<Double>> trend,
    String trendAxis,
    List<HistoryLine> history,
    List<CellDetail> cells,
    List<org.entropyharness.store.MetricRow> latestRows,
    int regressions) {

  /** The best-ranked cell. */
  public Standing leader() {
    return standings.get(0);
  }

  public boolean hasRegressions() {
    return regressions > 0;
  }

  /**
   * One ranked cell.
   *
   * @param rank 1 is best; ties share a rank
   * @param method method label, with the model's label before it ({@code model/method}) when the suite has several models
   * @param seed seed
   * @param cellId cell id
   * @param anchor the id of the cell's details on the suite page
   * @param value formatted value
   * @param interval formatted 95% interval, or ""
   * @param n items
   * @param baseline change against the baseline
   * @param previous change against the previous night
   * @param regressed whether either comparison says worse
   */
  public record Standing(int rank, String method, long seed, String cellId, String anchor, String value,
      String interval, long n, Delta baseline, Delta previous, boolean regressed) {}

  /**
   * One series of the history table.
   *
   * @param series series name
   * @param values one formatted value per night ("—" where missing)
   */
  public record HistoryLine(String series, List<String> values) {}

  /**
   * The details of one cell on the latest night.
   *
   * @param cellId cell id
   * @param anchor element id
   * @param method method label
   * @param params method parameters (JSON)
   * @param fingerprint the cell's fingerprint
   * @param runId the run that produced the rows
   * @param metrics the cell's metrics on slice {@code all}
   * @param slices the main metric on every other slice
   * @param files links to the Arrow files behind the rows
   * @param examples a few of the cell's samples, wrong ones first (when the run's samples are at hand)
   */
  public record CellDetail(String cellId, String anchor, String method, String params, String fingerprint,
      String runId, List<Line> metrics, List<Line> slices, List<Link> files, List<Example> examples) {
    public boolean hasExamples() {
      return !examples.isEmpty();
    }

    public boolean hasSlices() {
      return !slices.isEmpty();
    }

    public int sliceCount() {
      return slices.size();
    }
  }

  /**
   * One metric value.
   *
   * @param metric metric name
   * @param slice slice
   * @param value formatted value
   * @param interval formatted interval or ""
   * @param n items
   * @param note provenance and failed samples, or ""
   */
  public record Line(String metric, String slice, String value, String interval, long n, String note) {}

  /**
   * One sample shown as an example.
   *
   * @param itemId item
   * @param slice slice
   * @param prediction predicted class or extracted answer
   * @param reference label or reference answer
   * @param verdict right, wrong or failed
   * @param text the start of the completion text (reasoning), or ""
   */
  public record Example(String itemId, String slice, String prediction, String reference, String verdict, String text) {}

  /**
   * A relative link.
   *
   * @param label text
   * @param href relative URL
   */
  public record Link(String label, String href) {}
}
