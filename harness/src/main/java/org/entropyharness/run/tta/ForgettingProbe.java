package org.entropyharness.run.tta;

import java.io.IOException;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.method.tta.AdaptationMethod;
import org.entropyharness.method.tta.StepResult;
import org.entropyharness.metric.Bootstrap;
import org.entropyharness.metric.Interval;
import org.entropyharness.run.MetricValue;

/**
 * Forgetting as EATA measures it (Niu et al. 2022, Sec. 5): the error of the adapted model on the clean CIFAR-10
 * test set once the stream has ended. The method classifies the clean images batch by batch with its state at the
 * end of the stream and adapts no further ({@link AdaptationMethod#predict}), so every batch sees the same model.
 */
final class ForgettingProbe {
  static final String METRIC = "clean-error-after";
  private static final int REPLICATES = 1000;

  private final TtaData data;
  private final int batch;

  ForgettingProbe(TtaData data, int batch) {
    this.data = data;
    this.batch = batch;
  }

  /** The metric on slice {@code all}, or NaN with the reason when the method cannot predict without adapting. */
  MetricValue measure(AdaptationMethod method, long seed) throws IOException {
    ImageBatch clean = data.cleanTest();
    String provenance = "clean test set " + data.cleanTestPath().getFileName() + ", first " + clean.count()
        + " images, batch " + batch + ", model state after the stream, no update";
    int n = clean.count();
    boolean[] right = new boolean[n];
    double[] wrong = new double[n];
    for (int from = 0; from < n; from += batch) {
      ImageBatch part = clean.slice(from, Math.min(n, from + batch));
      StepResult result;
      try {
        result = method.predict(part);
      } catch (UnsupportedOperationException e) {
        return new MetricValue(METRIC, "all", Double.NaN, Double.NaN, Double.NaN, n, "rate", false,
            "not measured: " + e.getMessage(), 0, java.util.List.of(), new double[0]);
      }
      int[] predicted = result.predictions();
      for (int i = 0; i < part.count(); i++) {
        right[from + i] = predicted[i] == part.labels()[i];
        wrong[from + i] = right[from + i] ? 0 : 1;
      }
    }
    Interval ci = Bootstrap.itemLevelError(right, REPLICATES, 0.95, seed);
    return new MetricValue(METRIC, "all", ci.estimate(), ci.low(), ci.high(), n, "rate", false, provenance, 0,
        clean.ids(), wrong);
  }
}
