package org.entropyharness.lm.openai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.entropyharness.lm.Trace;

/**
 * Finds choices that repeat an earlier one of the same prompt more closely than independent sampling allows: a
 * server that ignores the seed, or vLLM builds that gave n identical choices (vllm#10852), would otherwise pass
 * copies off as independent samples to pass@k and the votes.
 *
 * <p>Two samples share their tokens by chance with probability {@code prod_t q_t(s_t)}, q the sampling distribution.
 * From the raw top logprobs, {@code q_t(s) <= max_e p_s^e / sum_{p_i >= p_s} p_i^e} over {@code e in {1, 1/T}}
 * (temperature, top-k, top-p and min-p keep every token more likely than a kept one, so the sum only grows), whether
 * the server's logprobs are taken before temperature or after. A repeat whose bound is below {@link #MAX_CHANCE} is
 * marked failed, with that bound in its error.
 */
final class DuplicateChoices {
  /** Chance below which a repeat is not a coincidence. */
  static final double MAX_CHANCE = 1e-9;

  /** One choice with the rows its statistics came from. */
  record Sample(Trace trace, ChoiceLogprobs logprobs) {}

  private DuplicateChoices() {}

  /** The traces, with each implausible repeat of an earlier one replaced by a failed trace saying so. */
  static List<Trace> mark(List<Sample> samples, double temperature) {
    List<Trace> out = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      out.add(s.trace());
      if (temperature <= 0 || s.trace().failed()) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        Sample earlier = samples.get(j);
        if (!earlier.trace().failed() && same(earlier.trace(), s.trace())) {
          double logChance = logChanceBound(earlier.logprobs(), temperature);
          if (logChance < Math.log(MAX_CHANCE)) {
            out.set(i, Trace.failed(String.format(Locale.ROOT, "duplicate of choice %d: the same %d tokens, which "
                + "independent sampling at temperature %s repeats with probability below %.1e; the server ignored "
                + "the seed or n", j, s.trace().tokenLogprobs().length, temperature, Math.exp(logChance)),
                s.trace().provenance()));
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean same(Trace a, Trace b) {
    return a.tokenLogprobs().length > 0 && a.text().equals(b.text())
        && Arrays.equals(a.tokenLogprobs(), b.tokenLogprobs());
  }

  /** The log of the bound on the chance that an independent sample repeats these tokens; 0 when unknown. */
  static double logChanceBound(ChoiceLogprobs logprobs, double temperature) {
    double sum = 0;
    for (TokenRow r : logprobs.rows()) {
      if (Double.isNaN(r.chosen())) {
        continue;
      }
      sum += Math.min(0, Math.max(logShare(r, 1), logShare(r, 1 / temperature)));
    }
    return sum;
  }

  /** {@code log(p_s^e / sum over listed p_i > p_s of p_i^e plus p_s^e)}. */
  private static double logShare(TokenRow r, double e) {
    double denominator = Math.exp(e * r.chosen());
    for (double v : r.top()) {
      if (v > r.chosen()) {
        denominator += Math.exp(e * v);
      }
    }
    return e * r.chosen() - Math.log(denominator);
  }
}
