package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

  @Test
  void should_match_numpy_linear_percentiles() {
    // numpy: mean 22.0, median 15.0, percentile(x, 90) = 44.8 for [10, 40, 20, 5, 15, 52, 12].
    TokenUsage usage = TokenUsage.of(new int[] {10, 40, 20, 5, 15, 52, 12});

    assertThat(usage.mean()).isCloseTo(22.0, within(1e-12));
    assertThat(usage.median()).isEqualTo(15.0);
    assertThat(usage.p90()).isCloseTo(44.8, within(1e-12));
  }

  @Test
  void should_divide_all_completion_tokens_by_correct_answers() {
    assertThat(TokenUsage.completionTokensPerCorrect(new int[] {100, 300, 200}, new boolean[] {true, false, true}))
        .isEqualTo(300.0);
    assertThat(TokenUsage.completionTokensPerCorrect(new int[] {100}, new boolean[] {false})).isNaN();
  }
}
