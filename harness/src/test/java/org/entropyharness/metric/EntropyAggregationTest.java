package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyAggregationTest {

  @Test
  void should_weigh_tokens_or_traces_equally() {
    // Trace 1: one token of 3.0; trace 2: three tokens of 1.0; trace 3 failed (no tokens).
    // token-mean = (3 + 1 + 1 + 1) / 4 = 1.5; sequence-mean = (3/1 + 3/3) / 2 = 2.0.
    float[][] traces = {{3f}, {1f, 1f, 1f}, {}};

    assertThat(EntropyAggregation.tokenMean(traces)).isCloseTo(1.5, within(1e-12));
    assertThat(EntropyAggregation.sequenceMean(traces)).isCloseTo(2.0, within(1e-12));
    assertThat(EntropyAggregation.pooled(traces)).containsExactly(3, 1, 1, 1);
  }

  @Test
  void should_leave_no_tokens_missing() {
    float[][] none = {{}, {}};

    assertThat(EntropyAggregation.tokenMean(none)).isNaN();
    assertThat(EntropyAggregation.sequenceMean(none)).isNaN();
    assertThat(EntropyAggregation.tokenMean(new float[0][])).isNaN();
  }
}
