package org.entropyharness.run.tta;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.chart.ChartSpec;
import org.entropyharness.chart.Charts;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.SuiteFamily;
import org.entropyharness.suite.SuiteSpec;

/** Test-time adaptation: a CIFAR classifier adapts online to corrupted images. */
public final class TtaFamily implements SuiteFamily {

  @Override
  public String id() {
    return "tta";
  }

  @Override
  public List<String> defaultMetrics() {
    return List.of("error", "ece", "entropy");
  }

  @Override
  public String headlineMetric() {
    return "error";
  }

  @Override
  public String workPhase() {
    return "adapt";
  }

  @Override
  public Optional<String> methodProblem(String methodId, Map<String, Object> params) {
    try {
      TtaMethods.checkParams(methodId, params);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public Optional<java.util.Set<String>> slices(org.entropyharness.suite.Params dataset) {
    return Optional.of(java.util.Set.copyOf(new TtaData(dataset).sliceNames()));
  }

  @Override
  public void check(SuiteSpec suite) {
    TtaCellRunner.check(suite);
  }

  @Override
  public Optional<String> skipReason(SuiteSpec suite) {
    return Optional.empty();
  }

  @Override
  public CellRunner open(SuiteSpec suite) throws IOException {
    return new TtaCellRunner(suite);
  }

  @Override
  public List<ChartSpec> charts() {
    return List.of(
        new ChartSpec("error by corruption", "by-corruption", "{metric} by corruption",
            (rows, samples, metric) -> Charts.errorByCorruption(rows, metric)),
        new ChartSpec("error by severity", "by-severity", "{metric} by severity",
            (rows, samples, metric) -> Charts.errorBySeverity(rows, metric)),
        new ChartSpec("reliability diagram", "reliability", "reliability diagram from the run's samples",
            (rows, samples, metric) -> Charts.reliabilityDiagram(samples)));
  }
}
