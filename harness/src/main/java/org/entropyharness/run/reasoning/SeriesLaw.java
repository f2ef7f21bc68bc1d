package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entropyharness.metric.EntropyLaw;
import org.entropyharness.metric.EntropyLawFit;
import org.entropyharness.metric.Interval;
import org.entropyharness.run.MetricValue;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SeriesCell;

/**
 * The entropy–accuracy law of a series (Cui et al. 2025): R = −a·exp(H) + b fitted over its checkpoints, R the
 * accuracy and H the policy entropy of each checkpoint on the whole set; its rows are {@code entropy-law-a}, {@code -b},
 * {@code -ceiling} (the accuracy predicted at H = 0, b − a) and {@code -r2}.
 */
final class SeriesLaw {
  private static final int REPLICATES = 2000;

  private SeriesLaw() {}

  static List<MetricValue> of(SeriesCell series, List<List<MetricRow>> checkpointRows) {
    List<String> metrics = series.suite().metrics();
    if (!metrics.contains("entropy-law")) {
      return List.of();
    }
    String accuracy = metrics.contains("accuracy") ? "accuracy"
        : metrics.stream().filter(m -> m.startsWith("avg@")).findFirst().orElse("accuracy");
    List<Double> h = new ArrayList<>();
    List<Double> r = new ArrayList<>();
    for (List<MetricRow> rows : checkpointRows) {
      Optional<Double> entropy = value(rows, "policy-entropy");
      Optional<Double> acc = value(rows, accuracy);
      if (entropy.isPresent() && acc.isPresent()) {
        h.add(entropy.get());
        r.add(acc.get());
      }
    }
    String provenance = String.format(Locale.ROOT, "R = -a*exp(H) + b over %d checkpoints of %s (R: %s, H:"
        + " policy-entropy), least squares, bootstrap over checkpoints", h.size(), series.series(), accuracy);
    EntropyLawFit fit;
    try {
      fit = EntropyLaw.fit(h.stream().mapToDouble(Double::doubleValue).toArray(),
          r.stream().mapToDouble(Double::doubleValue).toArray(), REPLICATES, 0.95, series.seed());
    } catch (IllegalArgumentException tooFew) {
      String why = "missing: " + tooFew.getMessage() + " (" + h.size() + " of " + checkpointRows.size()
          + " checkpoints have both " + accuracy + " and policy-entropy)";
      return List.of(missing("entropy-law-a", why), missing("entropy-law-b", why), missing("entropy-law-ceiling", why),
          missing("entropy-law-r2", why));
    }
    return List.of(
        value("entropy-law-a", fit.a(), "", false, h.size(), provenance),
        value("entropy-law-b", fit.b(), "", true, h.size(), provenance),
        value("entropy-law-ceiling", fit.ceiling(), "rate", true, h.size(), provenance),
        new MetricValue("entropy-law-r2", "all", fit.rSquared(), Double.NaN, Double.NaN, h.size(), "", true,
            provenance, 0, List.of(), new double[0]));
  }

  private static Optional<Double> value(List<MetricRow> rows, String metric) {
    return rows.stream().filter(x -> x.slice().equals("all") && x.metric().equals(metric))
        .map(MetricRow::value).filter(Double::isFinite).findFirst();
  }

  private static MetricValue value(String metric, Interval i, String unit, boolean higher, int n, String provenance) {
    return new MetricValue(metric, "all", i.estimate(), i.low(), i.high(), n, unit, higher, provenance, 0, List.of(),
        new double[0]);
  }

  private static MetricValue missing(String metric, String why) {
    return new MetricValue(metric, "all", Double.NaN, Double.NaN, Double.NaN, 0, "", true, why, 0, List.of(),
        new double[0]);
  }
}
