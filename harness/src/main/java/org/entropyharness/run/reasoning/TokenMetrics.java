package org.entropyharness.run.reasoning;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.TokenUsage;
import org.entropyharness.lm.Trace;
import org.entropyharness.run.MetricValue;

/** Token usage of a slice: completion tokens per trace (mean, with per-problem scores; median; p90), prompt tokens, and completion tokens spent per correct trace. */
final class TokenMetrics {
  private TokenMetrics() {}

  static List<MetricValue> of(String slice, List<ProblemOutcome> list) {
    List<Integer> completion = new ArrayList<>();
    List<Integer> prompt = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    double[] perProblem = new double[list.size()];
    for (int p = 0; p < list.size(); p++) {
      ProblemOutcome o = list.get(p);
      double sum = 0;
      for (int i = 0; i < o.n(); i++) {
        Trace t = o.traces().get(i);
        completion.add(t.completionTokens());
        prompt.add(t.promptTokens());
        right.add(o.correct()[i]);
        sum += t.completionTokens();
      }
      ids.add(o.problemId());
      perProblem[p] = o.n() == 0 ? 0 : sum / o.n();
    }
    int[] c = completion.stream().mapToInt(Integer::intValue).toArray();
    boolean[] r = new boolean[right.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = right.get(i);
    }
    TokenUsage usage = TokenUsage.of(c);
    TokenUsage prompts = TokenUsage.of(prompt.stream().mapToInt(Integer::intValue).toArray());
    return List.of(
        new MetricValue("tokens", slice, usage.mean(), Double.NaN, Double.NaN, c.length, "tokens", false, "", 0, ids, perProblem),
        MetricValue.plain("tokens-p50", slice, usage.median(), c.length, "tokens", false),
        MetricValue.plain("tokens-p90", slice, usage.p90(), c.length, "tokens", false),
        MetricValue.plain("prompt-tokens", slice, prompts.mean(), c.length, "tokens", false),
        MetricValue.plain("tokens-per-correct", slice, TokenUsage.completionTokensPerCorrect(c, r), c.length, "tokens", false));
  }
}
