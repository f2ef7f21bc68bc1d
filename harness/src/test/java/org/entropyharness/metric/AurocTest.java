package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AurocTest {

  /** P(score of a correct item > score of a wrong one) + ½ P(equal), by counting every pair. */
  private static double pairwise(double[] s, boolean[] c) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (c[i] && !c[j]) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  @Test
  void should_match_pairwise_counting_with_many_ties() {
    Random random = new Random(11);
    double[] s = new double[500];
    boolean[] c = new boolean[500];
    for (int i = 0; i < s.length; i++) {
      c[i] = random.nextBoolean();
      s[i] = random.nextInt(20) + (c[i] ? 3 : 0);
    }

    assertThat(Auroc.auroc(s, c)).isCloseTo(pairwise(s, c), within(1e-12));
  }

  @Test
  void should_be_one_for_perfect_separation_and_nan_for_one_class() {
    assertThat(Auroc.auroc(new double[] {0.1, 0.9}, new boolean[] {false, true})).isEqualTo(1.0);
    assertThat(Auroc.auroc(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
    assertThat(Auroc.auroc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
  }
}
