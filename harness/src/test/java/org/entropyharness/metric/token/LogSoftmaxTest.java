package org.entropyharness.metric.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSoftmaxTest {

  @Test
  void should_match_pytorch_log_softmax_at_three_temperatures() {
    int compared = 0;
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      for (double t : new double[] {1.0, 0.7, 2.5}) {
        double[] expected = r.logSoftmax(t);
        if (expected == null) {
          continue;
        }
        double[] actual = LogSoftmax.of(r.logits(), 0, r.logits().length, t);
        for (int i = 0; i < expected.length; i++) {
          if (expected[i] == Double.NEGATIVE_INFINITY) {
            assertThat(actual[i]).as("%s T=%s masked %d", r.name(), t, i).isEqualTo(Double.NEGATIVE_INFINITY);
          } else {
            assertThat(actual[i]).as("%s T=%s token %d", r.name(), t, i)
                .isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
          }
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(30);
  }

  @Test
  void should_read_a_row_inside_a_larger_array() {
    float[] padded = {9f, 0f, (float) Math.log(3), 9f};

    assertThat(LogSoftmax.of(padded, 1, 2, 1.0)).containsExactly(new double[] {Math.log(0.25), Math.log(0.75)},
        within(1e-7));
  }

  @Test
  void should_reject_bad_rows_and_temperatures_with_located_messages() {
    assertThatThrownBy(() -> LogSoftmax.of(new float[] {0f, Float.NaN}, 0, 2, 1.0))
        .isInstanceOf(InvalidLogitsException.class)
        .hasMessage("logit 1 of a row of 2 is NaN: the scores are undefined there; check the weights and the forward "
            + "pass for NaN");
    assertThatThrownBy(() -> LogSoftmax.of(new float[] {30f, 1f}, 0, 2, 1e-320))
        .hasMessage("temperature 1.0E-320 overflows logit/temperature in a row of 2; use temperature 0 for greedy "
            + "decoding");
    assertThatThrownBy(() -> LogSoftmax.of(new float[] {1f}, 0, 1, 0))
        .hasMessage("temperature must be positive and finite: 0.0");
    assertThatThrownBy(() -> LogSoftmax.of(new float[] {Float.NEGATIVE_INFINITY}, 0, 1, 1))
        .hasMessage("every logit of a row of 1 is -Infinity: every token is masked and none can be chosen; leave at "
            + "least one token unmasked");
  }
}
