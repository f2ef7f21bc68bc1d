package org.entropyharness.lm.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.metric.token.InvalidLogitsException;
import org.entropyharness.metric.token.LogSoftmax;
import org.entropyharness.metric.token.TokenFixtures;
import org.entropyharness.metric.token.TokenFixtures.SamplingCase;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
  /** Upper 0.1% points of the chi-square distribution for 1..11 degrees of freedom (any statistics table). */
  private static final double[] CHI_SQUARE_999 =
      {10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588, 31.264};
  private static final int DRAWS = 10_000;

  private static Decoding filters(int topK, double topP, double minP) {
    return new Decoding(1, topP, topK, minP, null, 10);
  }

  @Test
  void should_keep_the_tokens_and_renormalised_probabilities_pytorch_gives_for_hugging_face_semantics() {
    for (SamplingCase c : TokenFixtures.samplingCases()) {
      double[] p = LogSoftmax.of(c.logits(), 0, c.logits().length, c.temperature());
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.exp(p[i]);
      }
      SamplingCandidates kept = SamplingCandidates.of(p, c.topK(), c.topP(), c.minP());
      double mass = 0;
      for (int t : kept.tokens()) {
        mass += p[t];
      }
      double[] renormalised = new double[p.length];
      for (int t : kept.tokens()) {
        renormalised[t] = p[t] / mass;
      }
      assertThat(renormalised).as(c.toString()).containsExactly(c.probabilities(), within(1e-12));
    }
  }

  @Test
  void should_draw_with_the_frequencies_of_the_filtered_distribution_by_chi_square() {
    for (SamplingCase c : TokenFixtures.samplingCases()) {
      SplittableRandom random = new SplittableRandom(77);
      int[] counts = new int[c.logits().length];
      Decoding d = filters(c.topK(), c.topP(), c.minP());
      for (int i = 0; i < DRAWS; i++) {
        counts[TokenSampler.choose(c.logits(), 0, counts.length, c.temperature(), d, random)]++;
      }
      double chiSquare = 0;
      int support = 0;
      for (int t = 0; t < counts.length; t++) {
        double expected = c.probabilities()[t] * DRAWS;
        if (expected == 0) {
          assertThat(counts[t]).as("%s: token %d is filtered out", c, t).isZero();
        } else {
          chiSquare += (counts[t] - expected) * (counts[t] - expected) / expected;
          support++;
        }
      }
      if (support > 1) {
        assertThat(chiSquare).as("%s: chi-square with %d degrees of freedom", c, support - 1)
            .isLessThan(CHI_SQUARE_999[support - 2]);
      }
    }
  }

  @Test
  void should_take_the_argmax_at_temperature_zero_whatever_the_filters_without_drawing() {
    float[] logits = {0.1f, 2f, 2f, 1.9f};
    SplittableRandom random = new SplittableRandom(3);

    assertThat(TokenSampler.choose(logits, 0, 4, 0, filters(3, 0.2, 0.5), random)).isEqualTo(1);
    assertThat(random.nextLong()).as("no number drawn").isEqualTo(new SplittableRandom(3).nextLong());
    float[] nan = {0.1f, Float.NaN};
    assertThatThrownBy(() -> TokenSampler.choose(nan, 0, 2, 0, filters(0, 1, 0), random))
        .hasMessageStartingWith("logit 1 of a row of 2 is NaN");
  }

  @Test
  void should_act_as_greedy_when_the_temperature_overflows_and_never_draw_a_masked_token() {
    float[] logits = {1f, Float.NEGATIVE_INFINITY, 3f, Float.NEGATIVE_INFINITY, 2.5f};
    assertThat(TokenSampler.choose(logits, 0, 5, 1e-320, filters(0, 1, 0), new SplittableRandom(1))).isEqualTo(2);
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 5000; i++) {
      assertThat(TokenSampler.choose(logits, 0, 5, 5.0, filters(0, 1, 0), random)).isIn(0, 2, 4);
    }
  }

  @Test
  void should_reproduce_a_sequence_from_its_seed() {
    float[] logits = {0.3f, 0.1f, -0.2f, 0.5f, 0f};
    int[] first = new int[50];
    int[] second = new int[50];
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 50; i++) {
      first[i] = TokenSampler.choose(logits, 0, 5, 1.0, filters(0, 0.95, 0), a);
      second[i] = TokenSampler.choose(logits, 0, 5, 1.0, filters(0, 0.95, 0), b);
    }
    assertThat(first).containsExactly(second);
  }

  @Test
  void should_reject_nan_logits_and_an_infinite_temperature() {
    float[] logits = {0.3f, Float.NaN};
    assertThatThrownBy(() -> TokenSampler.choose(logits, 0, 2, 1.0, filters(0, 1, 0), new SplittableRandom(1)))
        .isInstanceOf(InvalidLogitsException.class)
        .hasMessage("logit 1 of a row of 2 is NaN: the scores are undefined there; check the weights and the forward "
            + "pass for NaN");
    assertThatThrownBy(() -> TokenSampler.choose(new float[] {1f}, 0, 1, Double.POSITIVE_INFINITY, filters(0, 1, 0),
        new SplittableRandom(1)))
        .hasMessage("sampling temperature must be finite and >= 0: Infinity");
  }
}
