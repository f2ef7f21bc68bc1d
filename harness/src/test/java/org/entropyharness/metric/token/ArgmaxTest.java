package org.entropyharness.metric.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgmaxTest {

  @Test
  void should_take_the_first_of_tied_maxima_and_skip_masked_tokens() {
    assertThat(Argmax.of(new float[] {1f, 3f, 3f, 2f}, 0, 4)).isEqualTo(1);
    assertThat(Argmax.of(new float[] {9f, Float.NEGATIVE_INFINITY, -2f, -2f}, 1, 3)).isEqualTo(1);
  }

  @Test
  void should_reject_rows_that_define_no_choice() {
    assertThatThrownBy(() -> Argmax.of(new float[] {1f, Float.NaN, 0f}, 0, 3))
        .isInstanceOf(InvalidLogitsException.class)
        .hasMessage("logit 1 of a row of 3 is NaN: the scores are undefined there; check the weights and the forward "
            + "pass for NaN");
    assertThatThrownBy(() -> Argmax.of(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, 2))
        .hasMessage("every logit of a row of 2 is -Infinity: every token is masked and none can be chosen; leave at "
            + "least one token unmasked");
    assertThatThrownBy(() -> Argmax.of(new float[0], 0, 0))
        .hasMessage("empty logits row: a distribution needs at least one token");
  }
}
