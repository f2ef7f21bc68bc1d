package org.entropyharness.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds metric rows for tests: an error rate over n items, the first {@code wrong} of them misclassified. */
public final class MetricRowsFixture {
  private MetricRowsFixture() {}

  public static final Fingerprint FINGERPRINT = new Fingerprint("d", "w", "m", "1", "p");

  public static MetricRow errorRow(String cellId, int n, int wrong, Fingerprint fingerprint) {
    List<String> ids = new ArrayList<>();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      ids.add("item-" + i);
      values[i] = i < wrong ? 1 : 0;
    }
    return errorRow(cellId, ids, values, fingerprint);
  }

  public static MetricRow errorRow(String cellId, List<String> ids, double[] values, Fingerprint fingerprint) {
    double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
    return new MetricRow("suite-a", "tta", "cifar10-c", "all", "resnet20", cellId.split("@")[0], "tent", "{}", 1,
        cellId, "error", mean, mean - 0.01, mean + 0.01, values.length, "rate", false, "", 0, fingerprint, "run-1",
        "test", Instant.parse("2026-01-01T00:00:00Z"), ids, values);
  }
}
