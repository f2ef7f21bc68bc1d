package org.entropyharness.lm.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.Decoding.EntropyAdaptiveTemperature;
import org.junit.jupiter.api.Test;

class TokenChoiceTest {
  private static final EntropyAdaptiveTemperature EDT = new EntropyAdaptiveTemperature(1.0, 0.8, 1.0, 0.05);

  @Test
  void should_measure_exact_entropy_and_confidence_of_a_uniform_distribution() {
    float[] logits = new float[31];
    TokenChoice c = TokenChoice.choose(logits, 0, 31, Decoding.greedy(10), 20, new SplittableRandom(1));

    assertThat(c.token()).isZero();
    assertThat(c.entropy()).isCloseTo((float) Math.log(31), within(1e-5f));
    assertThat(c.confidence()).isCloseTo((float) Math.log(31), within(1e-5f));
    assertThat(c.logprob()).isCloseTo((float) -Math.log(31), within(1e-5f));
    assertThat(c.temperature()).isZero();
  }

  @Test
  void should_average_the_top_k_logprobs_for_confidence_from_a_row_inside_a_batch() {
    float[] batch = new float[62];
    batch[31 + 5] = 10;
    // Row 2 of the batch: one logit of 10, thirty of 0; log Z = log(e^10 + 30).
    double logZ = Math.log(Math.exp(10) + 30);
    double expected = -((10 - logZ) + 19 * -logZ) / 20;

    TokenChoice c = TokenChoice.choose(batch, 31, 31, Decoding.greedy(10), 20, new SplittableRandom(1));

    assertThat(c.token()).isEqualTo(5);
    assertThat((double) c.confidence()).isCloseTo(expected, within(1e-5));
    assertThat((double) c.logprob()).isCloseTo(10 - logZ, within(1e-6));
  }

  @Test
  void should_raise_the_entropy_adaptive_temperature_with_entropy() {
    Decoding edt = new Decoding(1.0, 1, 0, 0, EDT, 10);
    double previous = 0;
    for (float spread : new float[] {12f, 6f, 3f, 1f, 0f}) {
      float[] logits = new float[31];
      logits[0] = spread;
      TokenChoice c = TokenChoice.choose(logits, 0, 31, edt, 20, new SplittableRandom(1));
      // T = t0 · base^(theta / H), with H the exact entropy recorded for this step.
      assertThat(c.temperature()).isCloseTo(Math.max(0.05, Math.pow(0.8, 1.0 / c.entropy())), within(1e-6));
      assertThat(c.temperature()).isGreaterThan(previous);
      previous = c.temperature();
    }
  }

  @Test
  void should_floor_the_entropy_adaptive_temperature_and_go_greedy_when_it_reaches_zero() {
    float[] logits = new float[31];
    logits[7] = 40f;
    TokenChoice floored = TokenChoice.choose(logits, 0, 31, new Decoding(1.0, 1, 0, 0, EDT, 10), 20,
        new SplittableRandom(1));
    assertThat(floored.temperature()).isEqualTo(0.05);

    var noFloor = new EntropyAdaptiveTemperature(1.0, 0.8, 1.0, 0);
    SplittableRandom random = new SplittableRandom(4);
    TokenChoice greedy = TokenChoice.choose(logits, 0, 31, new Decoding(1.0, 1, 0, 0, noFloor, 10), 20, random);
    assertThat(greedy.temperature()).isZero();
    assertThat(greedy.token()).isEqualTo(7);
    assertThat(random.nextLong()).as("greedy draws nothing").isEqualTo(new SplittableRandom(4).nextLong());
  }
}
