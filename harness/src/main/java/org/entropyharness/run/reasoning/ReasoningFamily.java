package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.chart.ChartSpec;
import org.entropyharness.chart.Charts;
import org.entropyharness.method.reasoning.DecodingStrategies;
import org.entropyharness.method.reasoning.ReasoningContext;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.MetricValue;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SeriesCell;
import org.entropyharness.run.SuiteFamily;
import org.entropyharness.suite.SuiteSpec;

/** Math reasoning: a language model answers problems under decoding and voting strategies. */
public final class ReasoningFamily implements SuiteFamily {

  @Override
  public String id() {
    return "reasoning";
  }

  @Override
  public List<String> defaultMetrics() {
    return List.of("accuracy", "tokens", "entropy");
  }

  @Override
  public String headlineMetric() {
    return "accuracy";
  }

  @Override
  public String workPhase() {
    return "generate";
  }

  @Override
  public Optional<String> methodProblem(String methodId, Map<String, Object> params) {
    try {
      DecodingStrategies.create(methodId, params, ReasoningContext.simple(256));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public Optional<java.util.Set<String>> slices(org.entropyharness.suite.Params dataset) {
    try {
      java.util.Set<String> groups = new java.util.TreeSet<>();
      new ReasoningData(dataset).problems().forEach(p -> groups.add(p.group()));
      groups.remove("");
      return Optional.of(groups);
    } catch (IOException e) {
      return Optional.empty(); // the run reports the unreadable data, located
    }
  }

  @Override
  public Optional<String> metricProblem(String metric, String methodId, Map<String, Object> params) {
    return SampleCounts.problem(metric, methodId, params);
  }

  @Override
  public void check(SuiteSpec suite) {
    ReasoningCellRunner.check(suite);
  }

  @Override
  public Optional<String> skipReason(SuiteSpec suite) {
    return suite.models().stream().map(m -> ReasoningBackends.skipReason(m.section())).flatMap(java.util.Optional::stream)
        .findFirst();
  }

  @Override
  public CellRunner open(SuiteSpec suite) throws IOException {
    return new ReasoningCellRunner(suite);
  }

  @Override
  public List<MetricValue> seriesValues(SeriesCell series, List<List<MetricRow>> checkpointRows) {
    return SeriesLaw.of(series, checkpointRows);
  }

  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec("pass@k", "pass-at-k", "pass@k per strategy", (rows, samples, metric) -> Charts.passAtK(rows)),
        new ChartSpec("accuracy vs tokens", "accuracy-tokens", "{metric} against mean completion tokens",
            (rows, samples, metric) -> Charts.accuracyVsTokens(rows, metric, "tokens")),
        new ChartSpec("entropy of right and wrong traces", "entropy", "trace entropy of right and wrong traces",
            (rows, samples, metric) -> Charts.entropyHistogram(samples)),
        new ChartSpec("policy entropy over training", "entropy-steps", "policy entropy over training steps, per series",
            (rows, samples, metric) -> Charts.overSteps(rows, "policy-entropy")),
        new ChartSpec("accuracy over training", "accuracy-steps", "{metric} over training steps, per series",
            (rows, samples, metric) -> Charts.overSteps(rows, metric)),
        new ChartSpec("accuracy against policy entropy", "entropy-law", "{metric} against policy entropy, with the"
            + " fitted law R = −a·exp(H) + b", (rows, samples, metric) -> Charts.entropyAccuracy(rows, metric)),
        new ChartSpec("pass@k against the base", "pass-at-k-base", "pass@k of each series' last checkpoint and the"
            + " base model", (rows, samples, metric) -> Charts.passAtKAgainstBase(rows)));
  }
}
