package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.Decoding.EntropyAdaptiveTemperature;
import org.junit.jupiter.api.Test;

class TokenChoiceTest {
  private static final EntropyAdaptiveTemperature EDT = new EntropyAdaptiveTemperature(1.0, 0.8, 1.0, 0.05);

  private static Decoding sampling(double t, double topP, int topK, double minP) {
    return new Decoding(t, topP, topK, minP, null, 10);
  }

  @Test
  void should_measure_exact_entropy_and_confidence_of_a_uniform_distribution() {
    float[] logits = new float[31];
    TokenChoice c = TokenChoice.choose(logits, 0, 31, Decoding.greedy(10), new SplittableRandom(1));
    assertThat(c.entropy()).isCloseTo((float) Math.log(31), within(1e-5f));
    assertThat(c.confidence()).isCloseTo((float) Math.log(31), within(1e-5f));
    assertThat(c.logprob()).isCloseTo((float) -Math.log(31), within(1e-5f));
  }

  @Test
  void should_average_the_top_twenty_logprobs_for_confidence() {
    float[] logits = new float[31];
    logits[5] = 10;
    double[] logp = TokenChoice.logSoftmax(logits, 0, 31, 1.0);
    double expected = -(logp[5] + 19 * logp[0]) / 20;
    TokenChoice c = TokenChoice.choose(logits, 0, 31, Decoding.greedy(10), new SplittableRandom(1));
    assertThat(c.token()).isEqualTo(5);
    assertThat((double) c.confidence()).isCloseTo(expected, within(1e-5));
  }

  @Test
  void should_raise_the_entropy_adaptive_temperature_with_entropy() {
    Decoding edt = new Decoding(1.0, 1, 0, 0, EDT, 10);
    double previous = 0;
    for (float spread : new float[] {12f, 6f, 3f, 1f, 0f}) {
      float[] logits = new float[31];
      logits[0] = spread;
      TokenChoice c = TokenChoice.choose(logits, 0, 31, edt, new SplittableRandom(1));
      assertThat(c.temperature()).isCloseTo(EDT.temperatureFor(c.entropy()), within(1e-5));
      assertThat(c.temperature()).isGreaterThan(previous);
      previous = c.temperature();
    }
  }

  @Test
  void should_floor_the_entropy_adaptive_temperature() {
    float[] logits = new float[31];
    logits[0] = 40f;
    TokenChoice c = TokenChoice.choose(logits, 0, 31, new Decoding(1.0, 1, 0, 0, EDT, 10), new SplittableRandom(1));
    assertThat(c.temperature()).isEqualTo(0.05);
  }

  @Test
  void should_pick_the_argmax_when_filters_leave_one_token() {
    float[] logits = {0.1f, 2f, 1.9f, 0f};
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      assertThat(TokenChoice.choose(logits, 0, 4, sampling(1, 1, 1, 0), rng).token()).isEqualTo(1);
      assertThat(TokenChoice.choose(logits, 0, 4, sampling(1, 0.01, 0, 0), rng).token()).isEqualTo(1);
      assertThat(TokenChoice.choose(logits, 0, 4, sampling(1, 1, 0, 0.99), rng).token()).isEqualTo(1);
    }
  }

  @Test
  void should_sample_in_proportion_to_the_tempered_softmax() {
    float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};
    int[] counts = new int[3];
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 20000; i++) {
      counts[TokenChoice.choose(logits, 0, 3, sampling(1, 1, 0, 0), rng).token()]++;
    }
    assertThat(counts[0] / 20000.0).isCloseTo(0.5, within(0.015));
    assertThat(counts[1] / 20000.0).isCloseTo(0.3, within(0.015));
    assertThat(counts[2] / 20000.0).isCloseTo(0.2, within(0.015));
  }

  @Test
  void should_renormalise_within_the_nucleus() {
    float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};
    int[] counts = new int[3];
    SplittableRandom rng = new SplittableRandom(12);
    for (int i = 0; i < 20000; i++) {
      counts[TokenChoice.choose(logits, 0, 3, sampling(1, 0.7, 0, 0), rng).token()]++;
    }
    assertThat(counts[2]).isZero();
    assertThat(counts[0] / 20000.0).isCloseTo(0.625, within(0.015));
  }
}
