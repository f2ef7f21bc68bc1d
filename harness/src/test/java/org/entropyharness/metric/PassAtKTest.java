package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PassAtKTest {

  /** Share of k-subsets of n samples (the first c correct) that hold at least one correct sample. */
  private static double bruteForce(int n, int c, int k) {
    int hit = 0;
    int all = 0;
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) == k) {
        all++;
        hit += (mask & ((1 << c) - 1)) != 0 ? 1 : 0;
      }
    }
    return (double) hit / all;
  }

  @Test
  void should_match_enumeration_of_all_k_subsets_for_small_n() {
    for (int n = 1; n <= 12; n++) {
      for (int c = 0; c <= n; c++) {
        double[] every = PassAtK.passAtEveryK(n, c);
        for (int k = 1; k <= n; k++) {
          assertThat(every[k - 1]).as("n=%d c=%d k=%d", n, c, k).isCloseTo(bruteForce(n, c, k), within(1e-12));
        }
      }
    }
  }

  @Test
  void should_stay_finite_and_monotone_for_large_n() {
    double[] every = PassAtK.passAtEveryK(1024, 3);

    assertThat(every[0]).isCloseTo(3.0 / 1024, within(1e-15));
    for (int k = 1; k < every.length; k++) {
      assertThat(every[k]).isGreaterThanOrEqualTo(every[k - 1]).isLessThanOrEqualTo(1.0);
    }
    assertThat(every[1023]).isEqualTo(1.0);
  }

  @Test
  void should_average_over_questions() {
    assertThat(PassAtK.meanPassAtK(4, new int[] {0, 4, 2}, 1)).isCloseTo((0 + 1 + 0.5) / 3, within(1e-12));
  }

  @Test
  void should_reject_k_beyond_n() {
    assertThatThrownBy(() -> PassAtK.passAtK(4, 1, 5)).hasMessageContaining("k must be in [1, n=4]: 5");
  }
}
