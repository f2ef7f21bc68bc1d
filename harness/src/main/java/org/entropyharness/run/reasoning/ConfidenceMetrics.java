package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.metric.Auroc;
import org.entropyharness.metric.Calibration;
import org.entropyharness.run.MetricValue;

/**
 * Metrics that relate a per-trace score to correctness: calibration error of the chosen tokens' mean probability,
 * AUROC of a score for telling right traces from wrong ones, and the entropy gap between wrong and right traces.
 * Each is computed on the traces whose score was measured only; with none, or without both right and wrong traces
 * among them, it is NaN with the reason.
 */
final class ConfidenceMetrics {
  private ConfidenceMetrics() {}

  /** Scores and outcomes of the traces that measured a score, and why the others did not. */
  private record Scored(List<Double> scores, List<Boolean> right, Unmeasured missing, List<String> labels) {
    static Scored of(List<ProblemOutcome> list, ToDoubleFunction<Trace> score, Measure measure) {
      Scored s = new Scored(new ArrayList<>(), new ArrayList<>(), new Unmeasured(), new ArrayList<>());
      for (ProblemOutcome o : list) {
        for (int i = 0; i < o.n(); i++) {
          Trace t = o.traces().get(i);
          double v = score.applyAsDouble(t);
          if (Double.isFinite(v)) {
            s.scores.add(v);
            s.right.add(o.correct()[i]);
            s.labels.add(t.provenance().label());
          } else {
            s.missing.add(TraceMeasures.why(t, measure));
          }
        }
      }
      return s;
    }

    double[] values() {
      return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    boolean[] outcomes() {
      boolean[] r = new boolean[right.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = right.get(i);
      }
      return r;
    }

    /** The provenance, or "missing: …" when the measured traces are not both right and wrong. */
    String provenance(String label) {
      if (!scores.isEmpty() && !(right.contains(true) && right.contains(false))) {
        return "missing: needs both right and wrong traces, and all " + scores.size() + " measured traces are "
            + (right.contains(true) ? "right" : "wrong");
      }
      return missing.provenance(label, scores.size(), "traces");
    }

    boolean usable() {
      return right.contains(true) && right.contains(false);
    }
  }

  static MetricValue ece(String slice, List<ProblemOutcome> list) {
    Scored s = Scored.of(list, TraceMeasures::probability, Measure.CHOSEN_LOGPROBS);
    double ece = s.scores().isEmpty() ? Double.NaN : Calibration.ece(s.values(), s.outcomes());
    return new MetricValue("confidence-ece", slice, ece, Double.NaN, Double.NaN, s.scores().size(), "rate", false,
        s.missing().provenance("", s.scores().size(), "traces"), failed(list), List.of(), new double[0]);
  }

  static MetricValue auroc(String name, String slice, List<ProblemOutcome> list, ToDoubleFunction<Trace> score,
      Measure measure) {
    Scored s = Scored.of(list, score, measure);
    double value = s.usable() ? Auroc.auroc(s.values(), s.outcomes()) : Double.NaN;
    return new MetricValue(name, slice, value, Double.NaN, Double.NaN, s.scores().size(), "auc", true,
        s.provenance(Unmeasured.label(s.labels())), failed(list), List.of(), new double[0]);
  }

  /** Mean token entropy of wrong traces minus that of right ones: positive when entropy flags errors. */
  static MetricValue entropyGap(String slice, List<ProblemOutcome> list) {
    Scored s = Scored.of(list, TraceMeasures::meanEntropy, Measure.TOP_LOGPROBS);
    double[] sum = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < s.scores().size(); i++) {
      int side = s.right().get(i) ? 0 : 1;
      sum[side] += s.scores().get(i);
      count[side]++;
    }
    double gap = s.usable() ? sum[1] / count[1] - sum[0] / count[0] : Double.NaN;
    return new MetricValue("entropy-gap-wrong-right", slice, gap, Double.NaN, Double.NaN, s.scores().size(), "nats",
        true, s.provenance(Unmeasured.label(s.labels())), failed(list), List.of(), new double[0]);
  }

  private static long failed(List<ProblemOutcome> list) {
    return list.stream().mapToLong(ProblemOutcome::failed).sum();
  }
}
