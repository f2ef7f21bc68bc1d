package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {

  @Test
  void should_count_correct_items() {
    boolean[] c = {true, false, true, true};

    assertThat(Accuracy.accuracy(c)).isEqualTo(0.75);
    assertThat(Accuracy.error(c)).isEqualTo(0.25);
    assertThat(Accuracy.accuracy(new boolean[0])).isNaN();
  }

  @Test
  void should_average_per_question_shares_for_avg_at_n() {
    boolean[][] c = {{true, true, false, false}, {true, true, true, true}};

    assertThat(Accuracy.avgAtN(c)).isCloseTo(0.75, within(1e-12));
    assertThat(Accuracy.avgAtN(c)).isCloseTo(PassAtK.meanPassAtK(4, new int[] {2, 4}, 1), within(1e-12));
  }
}
