package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A constructed batch of ten tokens. Advantages 1,1,1,1,1,−1,−1,−1,−1,−1 (mean 0); log-probs
 * −0.1,−0.2,−3,−4,−0.5,−0.1,−5,−0.3,−6,−0.8 (mean −2). Covariances (A − 0)(log p + 2), worked by hand:
 * 1.9, 1.8, −1, −2, 1.5, −1.9, 3, −1.7, 4, −1.2.
 */
class CovarianceSelectionTest {
  private static final float[] ADV = {1, 1, 1, 1, 1, -1, -1, -1, -1, -1};
  private static final float[] LOGP = {-0.1f, -0.2f, -3, -4, -0.5f, -0.1f, -5, -0.3f, -6, -0.8f};

  @Test
  void should_centre_advantage_and_log_probability() {
    assertThat(CovarianceSelection.covariances(ADV, LOGP))
        .containsExactly(new double[] {1.9, 1.8, -1, -2, 1.5, -1.9, 3, -1.7, 4, -1.2}, within(1e-6));
  }

  @Test
  void should_give_kl_cov_the_top_fraction_by_covariance() {
    // 20% of 10 = 2 tokens: covariances 4 (index 8) and 3 (index 6), the confident-wrong / unlikely-right tokens
    assertThat(CovarianceSelection.klCov(ADV, LOGP, 0.2))
        .containsExactly(false, false, false, false, false, false, true, false, true, false);
    // 0.2% of 10 rounds down to 0: at least one token, the highest
    assertThat(CovarianceSelection.klCov(ADV, LOGP, 0.002))
        .containsExactly(false, false, false, false, false, false, false, false, true, false);
  }

  @Test
  void should_draw_clip_cov_tokens_only_inside_the_window_and_not_already_clipped() {
    boolean[] clipped = new boolean[10];
    clipped[0] = true; // covariance 1.9 but the ratio clip took it already
    // window (1, 3.5), index 0 excluded: the candidates are indices 1 (1.8), 4 (1.5) and 6 (3)
    boolean[] one = CovarianceSelection.clipCov(ADV, LOGP, clipped, 0.1, 1, 3.5, new SplittableRandom(1));
    assertThat(count(one)).isEqualTo(1);
    assertThat(one[1] || one[4] || one[6]).isTrue();
    boolean[] all = CovarianceSelection.clipCov(ADV, LOGP, clipped, 0.5, 1, 3.5, new SplittableRandom(1));
    // 50% of 10 = 5 wanted, only 3 candidates: all of them
    assertThat(all).containsExactly(false, true, false, false, true, false, true, false, false, false);
  }

  @Test
  void should_draw_each_clip_cov_candidate_equally_often() {
    int[] hits = new int[10];
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 30_000; trial++) {
      boolean[] s = CovarianceSelection.clipCov(ADV, LOGP, new boolean[10], 0.1, 1, 3.5, rng);
      for (int i = 0; i < 10; i++) {
        hits[i] += s[i] ? 1 : 0;
      }
    }
    // candidates 0 (1.9), 1 (1.8), 4 (1.5), 6 (3): one of four each time, 7,500 expected, sd ≈ 75
    for (int i : new int[] {0, 1, 4, 6}) {
      assertThat(hits[i]).as("token %d", i).isBetween(7_100, 7_900);
    }
    assertThat(hits[2] + hits[3] + hits[5] + hits[7] + hits[8] + hits[9]).isZero();
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }
}
