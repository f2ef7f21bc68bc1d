package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.Test;

class DuplicateChoicesTest {
  /** A choice of {@code n} tokens, each the second most likely (p 0.3 after the top token's 0.5). */
  private static DuplicateChoices.Sample unlikely(int n) {
    List<TokenRow> rows = new ArrayList<>();
    float[] lp = new float[n];
    for (int j = 0; j < n; j++) {
      rows.add(new TokenRow(Math.log(0.3), new double[] {Math.log(0.5), Math.log(0.3)}, 2, 0, false, Math.log(0.5)));
      lp[j] = (float) Math.log(0.3);
    }
    return sample(rows, lp);
  }

  /** A choice of {@code n} tokens, each the most likely. */
  private static DuplicateChoices.Sample likely(int n) {
    List<TokenRow> rows = new ArrayList<>();
    float[] lp = new float[n];
    for (int j = 0; j < n; j++) {
      rows.add(new TokenRow(Math.log(0.5), new double[] {Math.log(0.5), Math.log(0.3)}, 2, 0, false, Math.log(0.5)));
      lp[j] = (float) Math.log(0.5);
    }
    return sample(rows, lp);
  }

  private static DuplicateChoices.Sample sample(List<TokenRow> rows, float[] lp) {
    Trace t = new Trace("same text", 5, lp.length, lp, lp, lp, EntropyProvenance.topK(2), "stop", null);
    return new DuplicateChoices.Sample(t, new ChoiceLogprobs(rows, null, null));
  }

  @Test
  void should_fail_a_repeat_that_independent_sampling_could_not_plausibly_give() {
    // Each token: p_s / (p_top + p_s) = 0.3 / 0.8 at T = 1; at T = 0.8, 0.3^1.25 / (0.5^1.25 + 0.3^1.25) is smaller.
    double perToken = Math.log(0.3 / 0.8);
    int n = (int) Math.ceil(Math.log(1e-9) / perToken) + 1;
    List<Trace> out = DuplicateChoices.mark(List.of(unlikely(n), unlikely(n)), 0.8);

    assertThat(out.get(0).failed()).isFalse();
    assertThat(out.get(1).error()).isEqualTo(String.format(java.util.Locale.ROOT, "duplicate of choice 0: the same %d "
        + "tokens, which independent sampling at temperature 0.8 repeats with probability below %.1e; the server "
        + "ignored the seed or n", n, Math.exp(n * perToken)));
  }

  @Test
  void should_keep_repeats_that_sampling_gives_often_greedy_runs_and_short_ones() {
    assertThat(DuplicateChoices.mark(List.of(likely(200), likely(200)), 0.8)).noneMatch(Trace::failed);
    assertThat(DuplicateChoices.mark(List.of(unlikely(5), unlikely(5)), 0.8)).noneMatch(Trace::failed);
    assertThat(DuplicateChoices.mark(List.of(unlikely(60), unlikely(60)), 0.0)).noneMatch(Trace::failed);
  }
}
