package org.entropyharness.metric.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKConfidenceTest {

  @Test
  void should_match_pytorch_minus_mean_of_the_top_k_log_probabilities() {
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      // PyTorch's own log-softmax where the fixture has it, so the confidence alone is under test.
      double[] logp = r.logSoftmax(1.0) != null ? r.logSoftmax(1.0) : LogSoftmax.of(r.logits());
      for (Map.Entry<Double, Double> e : r.confidence().entrySet()) {
        int k = e.getKey().intValue();
        assertThat(TopKConfidence.of(logp, k)).as("%s k=%d", r.name(), k)
            .isCloseTo(e.getValue(), within(1e-12 * Math.max(1, e.getValue())));
      }
    }
  }

  @Test
  void should_average_by_hand_and_cap_k_at_the_unmasked_tokens() {
    assertThat(TopKConfidence.of(new double[] {-4, -0.5, -1.5}, 3)).isEqualTo(2.0);
    assertThat(TopKConfidence.of(new double[] {-4, -0.5, -1.5}, 2)).isEqualTo(1.0);
    assertThat(TopKConfidence.of(new double[] {-4, -0.5, -1.5}, 50)).isEqualTo(2.0);
    assertThat(TopKConfidence.of(new double[] {Double.NEGATIVE_INFINITY, -1, -3}, 3)).isEqualTo(2.0);
    assertThat(TopKConfidence.of(new double[] {-2, -2, -2, -5}, 3)).isEqualTo(2.0);
  }

  @Test
  void should_be_missing_without_a_candidate_and_reject_nan_and_a_bad_k() {
    assertThat(TopKConfidence.of(new double[0], 20)).isNaN();
    assertThat(TopKConfidence.of(new double[] {Double.NEGATIVE_INFINITY}, 20)).isNaN();
    assertThatThrownBy(() -> TopKConfidence.of(new double[] {-1, Double.NaN}, 2))
        .isInstanceOf(InvalidLogitsException.class)
        .hasMessage("log-probability 1 of 2 is NaN; a log-probability is a number or -Infinity (a masked token)");
    assertThatThrownBy(() -> TopKConfidence.of(new double[] {-1}, 0)).hasMessage("confidence top-k must be >= 1: 0");
  }
}
