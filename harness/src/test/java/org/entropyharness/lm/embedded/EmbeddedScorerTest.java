package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.TokenScorer;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rescoring sampled traces gives the entropies the model had while sampling: the per-token entropy recorded during
 * generation (the full distribution at temperature 1, through the KV-cache decoding path) equals the teacher-forced
 * rescoring at T = 1 (a full recomputation), for traces sampled at another temperature.
 */
class EmbeddedScorerTest {
  private static EmbeddedModel model;
  private static TokenScorer scorer;

  @BeforeAll
  static void load() throws Exception {
    model = EmbeddedModel.loadShipped(JavaTransformerTest.DATASETS);
    scorer = model.scorer().orElseThrow();
  }

  @Test
  void should_rescore_traces_sampled_at_06_to_the_entropies_recorded_at_temperature_1() throws Exception {
    String prompt = "(33+70*6-4+74)/8";
    List<Trace> traces = model.generate(new GenerationRequest("p", prompt, new Decoding(0.6, 1, 0, 0, null, 96), 6, 11));

    for (Trace t : traces) {
      float[] rescored = scorer.entropies(prompt, t, 1.0);
      assertThat(rescored).hasSameSizeAs(t.tokenEntropies());
      for (int i = 0; i < rescored.length; i++) {
        assertThat((double) rescored[i]).as("token %d of %s", i, t.text()).isCloseTo(t.tokenEntropies()[i], within(2e-5));
      }
    }
  }

  @Test
  void should_measure_a_sharper_distribution_at_a_lower_temperature() throws Exception {
    String prompt = "12+7";
    Trace t = model.generate(new GenerationRequest("p", prompt, Decoding.greedy(32), 1, 1)).get(0);

    float[] atOne = scorer.entropies(prompt, t, 1.0);
    float[] atHalf = scorer.entropies(prompt, t, 0.5);
    float[] atTwo = scorer.entropies(prompt, t, 2.0);
    double sumHalf = 0;
    double sumOne = 0;
    double sumTwo = 0;
    for (int i = 0; i < atOne.length; i++) {
      sumHalf += atHalf[i];
      sumOne += atOne[i];
      sumTwo += atTwo[i];
    }
    // Entropy of softmax(z/T) grows with T for any non-uniform z; at T = 2 it is bounded by ln 31 per token.
    assertThat(sumHalf).isLessThan(sumOne);
    assertThat(sumOne).isLessThan(sumTwo);
    assertThat(sumTwo / atTwo.length).isLessThanOrEqualTo(Math.log(31));
  }
}
