package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.metric.TokenUsage;
import org.entropyharness.run.MetricValue;

/**
 * Token usage of a slice: completion tokens per trace (mean, with per-problem scores; median; p90), prompt tokens,
 * and completion tokens spent per correct trace. Only traces whose counts the backend measured enter: failed traces
 * and unknown counts are left out and named in the provenance, never averaged in as 0.
 */
final class TokenMetrics {
  private TokenMetrics() {}

  static List<MetricValue> of(String slice, List<ProblemOutcome> list) {
    List<Integer> completion = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    int counted = 0;
    String countedNote = "";
    for (ProblemOutcome o : list) {
      for (int i = 0; i < o.n(); i++) {
        Trace t = o.traces().get(i);
        double c = TraceMeasures.completionTokens(t);
        if (Double.isFinite(c)) {
          completion.add((int) c);
          right.add(o.correct()[i]);
          String note = t.note(Measure.COMPLETION_TOKENS);
          counted += note.isEmpty() ? 0 : 1;
          countedNote = note.isEmpty() ? countedNote : note;
        }
      }
    }
    String label = counted == 0 ? "" : counted == completion.size() ? countedNote
        : counted + " of " + completion.size() + " " + countedNote;
    MetricValue mean = TraceMeans.mean("tokens", slice, list, TraceMeasures::completionTokens,
        Measure.COMPLETION_TOKENS, label, "tokens", false);
    MetricValue prompt = TraceMeans.mean("prompt-tokens", slice, list, TraceMeasures::promptTokens,
        Measure.PROMPT_TOKENS, "", "tokens", false);
    int[] c = completion.stream().mapToInt(Integer::intValue).toArray();
    boolean[] r = new boolean[right.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = right.get(i);
    }
    TokenUsage usage = c.length == 0 ? new TokenUsage(Double.NaN, Double.NaN, Double.NaN) : TokenUsage.of(c);
    return List.of(
        mean,
        like(mean, "tokens-p50", usage.median()),
        like(mean, "tokens-p90", usage.p90()),
        withoutItems(prompt),
        like(mean, "tokens-per-correct", c.length == 0 ? Double.NaN : TokenUsage.completionTokensPerCorrect(c, r)));
  }

  /** Another statistic over the same traces, with the same provenance and no per-item scores. */
  private static MetricValue like(MetricValue m, String name, double value) {
    return new MetricValue(name, m.slice(), value, Double.NaN, Double.NaN, m.n(), m.unit(), false, m.provenance(),
        m.failed(), List.of(), new double[0]);
  }

  private static MetricValue withoutItems(MetricValue m) {
    return like(m, m.metric(), m.value());
  }
}
