package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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

  /** C(m, k) for k = 0..m, exact. */
  private static BigInteger[] binomialRow(int m) {
    BigInteger[] row = new BigInteger[m + 1];
    row[0] = BigInteger.ONE;
    for (int k = 1; k <= m; k++) {
      row[k] = row[k - 1].multiply(BigInteger.valueOf(m - k + 1)).divide(BigInteger.valueOf(k));
    }
    return row;
  }

  @Test
  void should_match_enumeration_of_all_k_subsets_for_small_n() {
    for (int n = 1; n <= 12; n++) {
      for (int c = 0; c <= n; c++) {
        double[] every = PassAtK.passAtEveryK(n, c);
        for (int k = 1; k <= n; k++) {
          double expected = bruteForce(n, c, k);
          assertThat(every[k - 1]).as("every n=%d c=%d k=%d", n, c, k).isCloseTo(expected, within(1e-12));
          assertThat(PassAtK.passAtK(n, c, k)).as("n=%d c=%d k=%d", n, c, k).isCloseTo(expected, within(1e-12));
        }
      }
    }
  }

  @Test
  void should_match_exact_rational_arithmetic_at_n_1024_to_a_few_ulps() {
    int n = 1024;
    BigInteger[] all = binomialRow(n);
    MathContext mc = new MathContext(40);
    for (int c : new int[] {0, 1, 2, 3, 7, 31, 100, 255, 511, 512, 900, 1000, 1020, 1023, 1024}) {
      BigInteger[] wrong = binomialRow(n - c);
      double[] every = PassAtK.passAtEveryK(n, c);
      for (int k = 1; k <= n; k++) {
        BigDecimal allWrong = k <= n - c
            ? new BigDecimal(wrong[k]).divide(new BigDecimal(all[k]), mc)
            : BigDecimal.ZERO;
        double exact = BigDecimal.ONE.subtract(allWrong).doubleValue();
        double tolerance = Math.max(1e-13 * exact, 1e-300);
        assertThat(PassAtK.passAtK(n, c, k)).as("c=%d k=%d", c, k).isCloseTo(exact, within(tolerance));
        assertThat(every[k - 1]).as("every c=%d k=%d", c, k).isCloseTo(exact, within(tolerance));
      }
    }
  }

  @Test
  void should_keep_relative_precision_for_a_rare_success() {
    // One correct in 1024: pass@1 = 1/1024 exactly, pass@2 = 1 − (1023/1024)(1022/1023) = 2/1024.
    assertThat(PassAtK.passAtK(1024, 1, 1)).isEqualTo(1.0 / 1024);
    assertThat(PassAtK.passAtK(1024, 1, 2)).isCloseTo(2.0 / 1024, within(1e-18));
  }

  @Test
  void should_give_positive_zero_without_a_correct_sample() {
    // −0.0 would print as "-0.0" in reports; a double assertion treats it as equal to 0.0, its bits do not.
    assertThat(Double.doubleToRawLongBits(PassAtK.passAtK(8, 0, 3))).isZero();
    assertThat(PassAtK.passAtEveryK(8, 0)).containsOnly(0.0);
  }

  @Test
  void should_average_over_questions() {
    assertThat(PassAtK.meanPassAtK(4, new int[] {0, 4, 2}, 1)).isCloseTo((0 + 1 + 0.5) / 3, within(1e-12));
  }

  @Test
  void should_give_per_problem_values_and_their_mean_with_an_interval_over_problems() {
    // n=4, k=2: c=0 → 0; c=1 → 1 − C(3,2)/C(4,2) = 1/2; c=2 → 1 − 1/6 = 5/6; c=4 → 1.
    int[] n = {4, 4, 4, 4};
    int[] c = {0, 1, 2, 4};

    double[] per = PassAtK.perProblem(n, c, 2);
    Interval mean = PassAtK.mean(n, c, 2, 2000, 0.95, 7);

    assertThat(per).containsExactly(new double[] {0, 0.5, 5.0 / 6, 1}, within(1e-15));
    assertThat(mean.estimate()).isCloseTo((0 + 0.5 + 5.0 / 6 + 1) / 4, within(1e-15));
    assertThat(mean.low()).isLessThan(mean.estimate()).isGreaterThanOrEqualTo(0);
    assertThat(mean.high()).isGreaterThan(mean.estimate()).isLessThanOrEqualTo(1);
    assertThat(PassAtK.mean(n, c, 2, 2000, 0.95, 7)).isEqualTo(mean);
  }

  @Test
  void should_report_no_mean_for_no_problems() {
    Interval none = PassAtK.mean(new int[0], new int[0], 1, 100, 0.95, 1);

    assertThat(none.estimate()).isNaN();
    assertThat(none.low()).isNaN();
    assertThat(PassAtK.curve(new int[0], new int[0])).isEmpty();
  }

  @Test
  void should_draw_the_curve_up_to_the_smallest_sample_count() {
    // Problem A: n=3, c=1 → pass@1 = 1/3, pass@2 = 1 − C(2,2)/C(3,2) = 2/3. Problem B: n=5, c=0 → 0.
    double[] curve = PassAtK.curve(new int[] {3, 5}, new int[] {1, 0});

    assertThat(curve).containsExactly(new double[] {1.0 / 6, 1.0 / 3, 0.5}, within(1e-15));
  }

  @Test
  void should_reject_k_beyond_n() {
    assertThatThrownBy(() -> PassAtK.passAtK(4, 1, 5)).hasMessage("k must be in [1, n=4]: 5");
    assertThatThrownBy(() -> PassAtK.perProblem(new int[] {4}, new int[] {1, 2}, 1))
        .hasMessage("need one sample count and one correct count per problem: 1 sample counts, 2 correct counts");
  }
}
