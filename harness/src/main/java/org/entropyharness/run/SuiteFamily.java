package org.entropyharness.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.chart.ChartSpec;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SeriesCell;
import org.entropyharness.suite.SuiteSpec;

/**
 * A family of suites (test-time adaptation, reasoning, …): everything the spine needs to know about one. The only
 * extension point for a new family: implement this in a package of its own and list it in {@link Families}; the
 * session, the engine, the CLI and the reports then handle its suites (its schema branch goes in
 * {@code suite.schema.json}).
 */
public interface SuiteFamily {

  /** The id used in suite files ({@code family: tta}). */
  String id();

  /** Metrics measured when a suite lists none. */
  List<String> defaultMetrics();

  /** The metric a leaderboard ranks by when the suite measures it. */
  String headlineMetric();

  /** The name of a cell's main work in reports ({@code adapt}, {@code generate}). */
  String workPhase();

  /** A problem with a method's id or parameters, or empty when the method can be built with them. */
  Optional<String> methodProblem(String methodId, Map<String, Object> params);

  /**
   * Checks what the schema cannot (files exist and fit the family); loads no model.
   *
   * @throws org.entropyharness.suite.SuiteException located at the offending key
   */
  void check(SuiteSpec suite);

  /** Why a suite cannot run on this machine (e.g. no model server configured), or empty when it can. */
  Optional<String> skipReason(SuiteSpec suite);

  /** Loads the suite's model and data; the caller closes the runner after the suite's last cell. */
  CellRunner open(SuiteSpec suite) throws IOException;

  /**
   * The metrics of a series of checkpoints under one method and seed (the entropy–accuracy law), from the rows of its
   * cells in step order; empty when the family has none or the suite asks for none.
   */
  default List<MetricValue> seriesValues(SeriesCell series, List<List<MetricRow>> checkpointRows) {
    return List.of();
  }

  /** The charts of one cell's (or one suite's) results, in the order reports show them. */
  List<ChartSpec> charts();

  /**
   * The slices (besides {@code all}) a dataset section yields, for checking gates when a suite loads; empty when the
   * family cannot tell.
   */
  default Optional<java.util.Set<String>> slices(org.entropyharness.suite.Params dataset) {
    return Optional.empty();
  }

  /** Why a method cannot produce a metric, for checking gates when a suite loads; empty when it can. */
  default Optional<String> metricProblem(String metric, String methodId, Map<String, Object> params) {
    return Optional.empty();
  }
}
