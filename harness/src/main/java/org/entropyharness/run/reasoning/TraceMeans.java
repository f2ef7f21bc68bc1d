package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.run.MetricValue;

/**
 * Averages of a per-trace quantity over the traces that measured it (finite value): failed traces and traces without
 * the data are left out, counted in the provenance with the reason, and a slice where no trace measured it gets NaN
 * with "missing: why". Per-problem item values cover the problems with at least one measured trace.
 */
final class TraceMeans {
  private TraceMeans() {}

  /**
   * One metric row.
   *
   * @param measure the measurement the quantity needs, for the reason when it is missing
   * @param label how measured values were obtained (provenance when all were measured), or null to take the traces'
   *     entropy provenance
   */
  static MetricValue mean(String name, String slice, List<ProblemOutcome> list, ToDoubleFunction<Trace> stat,
      Measure measure, String label, String unit, boolean higher) {
    List<String> ids = new ArrayList<>();
    List<Double> items = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Unmeasured missing = new Unmeasured();
    double sum = 0;
    int n = 0;
    for (ProblemOutcome o : list) {
      double problemSum = 0;
      int problemN = 0;
      for (Trace t : o.traces()) {
        double v = stat.applyAsDouble(t);
        if (Double.isFinite(v)) {
          problemSum += v;
          problemN++;
          labels.add(t.provenance().label());
        } else {
          missing.add(TraceMeasures.why(t, measure));
        }
      }
      if (problemN > 0) {
        ids.add(o.problemId());
        items.add(problemSum / problemN);
      }
      sum += problemSum;
      n += problemN;
    }
    String provenance = missing.provenance(label == null ? Unmeasured.label(labels) : label, n, "traces");
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    return new MetricValue(name, slice, n == 0 ? Double.NaN : sum / n, Double.NaN, Double.NaN, n, unit, higher,
        provenance, failed, ids, items.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
