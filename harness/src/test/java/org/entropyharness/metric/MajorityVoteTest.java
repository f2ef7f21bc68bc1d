package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

  /** Independent two-answer formula: a hypergeometric count of correct votes, a tie worth one half. */
  private static double twoAnswers(int right, int wrong, int k) {
    int n = right + wrong;
    double sum = 0;
    for (int i = 0; i <= k; i++) {
      double p = choose(right, i) * choose(wrong, k - i) / choose(n, k);
      sum += p * (2 * i > k ? 1 : 2 * i == k ? 0.5 : 0);
    }
    return sum;
  }

  private static double choose(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  private static List<String> answers(int right, int wrong) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < right; i++) {
      out.add("42");
    }
    for (int i = 0; i < wrong; i++) {
      out.add("41");
    }
    return out;
  }

  private static boolean[] outcomes(int right, int wrong) {
    boolean[] out = new boolean[right + wrong];
    Arrays.fill(out, 0, right, true);
    return out;
  }

  @Test
  void should_match_the_hypergeometric_formula_exactly_for_small_n() {
    for (int right = 0; right <= 7; right++) {
      for (int k = 1; k <= 12; k++) {
        double maj = MajorityVote.majAtK(answers(right, 12 - right), outcomes(right, 12 - right), k, 1);
        assertThat(maj).as("right=%d k=%d", right, k).isCloseTo(twoAnswers(right, 12 - right, k), within(1e-12));
      }
    }
  }

  @Test
  void should_estimate_by_sampling_for_large_n_close_to_the_formula() {
    double maj = MajorityVote.majAtK(answers(36, 28), outcomes(36, 28), 16, 7);

    assertThat(MajorityVote.binomial(64, 16)).isGreaterThan(MajorityVote.EXACT_LIMIT);
    assertThat(maj).isCloseTo(twoAnswers(36, 28, 16), within(0.015));
  }

  @Test
  void should_let_a_plurality_win_and_ignore_missing_answers() {
    List<String> a = Arrays.asList("1", "2", "3", "3", null);
    boolean[] right = {false, false, true, true, false};

    assertThat(MajorityVote.majAtK(a, right, 5, 1)).isEqualTo(1.0);
    assertThat(MajorityVote.majAtK(Arrays.asList(null, null), new boolean[2], 2, 1)).isZero();
  }
}
