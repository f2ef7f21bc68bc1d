package org.entropyharness.lm.openai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.metric.token.TopKConfidence;
import org.entropyharness.metric.token.TopKEntropy;

/**
 * Per-token statistics of one choice from what the server sent, checked first: log-probabilities are at most 0, each
 * position lists the k entries asked for (k + 1 where the profile allows the sampled token as an extra), and
 * placeholders count as tokens below the top k. What cannot be measured is NaN with a note saying why.
 *
 * @param entropies entropy of the top k renormalised, per token (nats), NaN where not measured
 * @param confidences DeepConf token confidence per token, NaN where not measured
 * @param logprobs the sampled token's logprob per token, NaN where not measured
 * @param provenance the k the estimates used
 * @param notes per measurement, why it is missing or partial
 */
record ChoiceStatistics(
    float[] entropies, float[] confidences, float[] logprobs, EntropyProvenance provenance, Map<Measure, String> notes) {
  /** Tolerance above 0 for float rounding in a server's log-softmax. */
  static final double LOGPROB_SLACK = 1e-4;

  /**
   * @param k the top-k asked for
   * @param chat whether the chat API answered
   */
  static ChoiceStatistics of(ChoiceLogprobs lp, int k, ServerProfile profile, boolean chat) {
    int n = lp.rows().size();
    EntropyProvenance asked = EntropyProvenance.topK(Math.max(1, effectiveK(k, profile, chat)));
    if (lp.absent() != null) {
      String why = profile.noLogprobs(chat).orElse(lp.absent());
      return missing(0, asked, why);
    }
    if (lp.postSampling() != null) {
      return missing(n, asked, lp.postSampling());
    }
    for (int j = 0; j < n; j++) {
      if (lp.rows().get(j).largest() > LOGPROB_SLACK) {
        return missing(n, asked, String.format(Locale.ROOT, "logprob %.4g > 0 at token %d: the server sent "
            + "something other than log-probabilities (vLLM's --logprobs-mode raw_logits?), so no logprob statistic "
            + "is computed from this choice", lp.rows().get(j).largest(), j));
      }
    }
    return measured(lp.rows(), k, profile, chat);
  }

  private static int effectiveK(int k, ServerProfile profile, boolean chat) {
    return profile.chatListsSampledFirst(chat) ? k - 1 : k;
  }

  private static ChoiceStatistics missing(int n, EntropyProvenance provenance, String why) {
    float[] nan = new float[n];
    Arrays.fill(nan, Float.NaN);
    Map<Measure, String> notes = new EnumMap<>(Measure.class);
    notes.put(Measure.TOP_LOGPROBS, why);
    notes.put(Measure.CHOSEN_LOGPROBS, why);
    return new ChoiceStatistics(nan, nan.clone(), nan.clone(), provenance, notes);
  }

  private static ChoiceStatistics measured(List<TokenRow> rows, int k, ServerProfile profile, boolean chat) {
    int n = rows.size();
    int effK = effectiveK(k, profile, chat);
    int allowed = k + profile.extraTopEntries(chat);
    int listed = rows.stream().filter(r -> !r.topMissing()).mapToInt(TokenRow::entries).max().orElse(0);
    List<String> top = new ArrayList<>();
    if (effK < 1) {
      top.add("vLLM's chat API lists the sampled token first and keeps k entries, so top-logprobs 1 says nothing "
          + "about the top token; ask for 2 or more");
    } else if (listed > 0 && listed < effK) {
      top.add("the server listed at most " + listed + " top logprobs per token where " + k + " were asked");
      effK = listed;
    }
    float[] h = new float[n];
    float[] c = new float[n];
    float[] chosen = new float[n];
    int noTop = 0;
    int fewer = 0;
    int more = 0;
    int placeholders = 0;
    int noChosen = 0;
    for (int j = 0; j < n; j++) {
      TokenRow r = rows.get(j);
      chosen[j] = (float) r.chosen();
      noChosen += Double.isNaN(r.chosen()) ? 1 : 0;
      placeholders += r.placeholders();
      double[] values = largest(r.top(), Math.max(effK, 0));
      if (r.topMissing() || values.length == 0) {
        h[j] = Float.NaN;
        c[j] = Float.NaN;
        noTop++;
        continue;
      }
      fewer += r.entries() < effK ? 1 : 0;
      more += r.entries() > allowed ? 1 : 0;
      h[j] = (float) TopKEntropy.renormalised(values);
      c[j] = (float) TopKConfidence.of(values, values.length);
    }
    // Notes name what happened, not how often, so the metrics can group traces by reason.
    if (noTop > 0) {
      top.add((noTop == n ? "no top logprobs at any token" : "no top logprobs at some tokens")
          + " (absent, null, or placeholders only)");
    }
    if (fewer > 0) {
      top.add("some tokens listed fewer than " + effK + " top logprobs (vLLM and SGLang key them by token text, so "
          + "tokens with the same text share one entry)");
    }
    if (more > 0) {
      top.add("some tokens listed more than " + allowed + " top logprobs; the " + effK + " largest were used");
    }
    if (placeholders > 0) {
      top.add("placeholder values (null, -Infinity, -9999 or -3.4e38) were read as tokens below the top k");
    }
    Map<Measure, String> notes = new EnumMap<>(Measure.class);
    if (!top.isEmpty()) {
      notes.put(Measure.TOP_LOGPROBS, String.join("; ", top));
    }
    if (noChosen > 0) {
      notes.put(Measure.CHOSEN_LOGPROBS, "the sampled token's logprob was absent, null or a placeholder at "
          + (noChosen == n ? "every token" : "some tokens"));
    }
    return new ChoiceStatistics(h, c, chosen, EntropyProvenance.topK(Math.max(effK, 1)), notes);
  }

  /** The {@code k} largest values, largest first. */
  private static double[] largest(double[] values, int k) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = Math.min(k, sorted.length);
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[i] = sorted[sorted.length - 1 - i];
    }
    return out;
  }
}
