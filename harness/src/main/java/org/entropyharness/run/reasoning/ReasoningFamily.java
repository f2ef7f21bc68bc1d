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
  public void check(SuiteSpec suite) {
    ReasoningCellRunner.check(suite);
  }

  @Override
  public Optional<String> skipReason(SuiteSpec suite) {
    return ReasoningBackends.skipReason(suite.model());
  }

  @Override
  public CellRunner open(SuiteSpec suite) throws IOException {
    return new ReasoningCellRunner(suite);
  }

  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec("pass@k", "pass-at-k", "pass@k per strategy", (rows, samples, metric) -> Charts.passAtK(rows)),
        new ChartSpec("accuracy vs tokens", "accuracy-tokens", "{metric} against mean completion tokens",
            (rows, samples, metric) -> Charts.accuracyVsTokens(rows, metric, "tokens")),
        new ChartSpec("entropy of right and wrong traces", "entropy", "trace entropy of right and wrong traces",
            (rows, samples, metric) -> Charts.entropyHistogram(samples)));
  }
}
