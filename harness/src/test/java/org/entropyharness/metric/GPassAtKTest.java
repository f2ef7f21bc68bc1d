package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GPassAtKTest {

  /** Share of k-subsets of n samples (the first c correct) holding at least m correct samples. */
  private static double enumerate(int n, int c, int k, int m) {
    int hit = 0;
    int all = 0;
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) == k) {
        all++;
        hit += Integer.bitCount(mask & ((1 << c) - 1)) >= m ? 1 : 0;
      }
    }
    return (double) hit / all;
  }

  @Test
  void should_match_enumeration_of_k_subsets_for_small_n() {
    // τ as exact fractions p/q, so the test's threshold max(⌈p·k/q⌉, 1) is integer arithmetic.
    int[][] taus = {{0, 4}, {1, 4}, {1, 2}, {7, 10}, {3, 4}, {1, 1}};
    for (int n = 1; n <= 12; n++) {
      for (int c = 0; c <= n; c++) {
        for (int k = 1; k <= n; k++) {
          for (int[] tau : taus) {
            int m = Math.max((tau[0] * k + tau[1] - 1) / tau[1], 1);
            double expected = enumerate(n, c, k, m);
            assertThat(GPassAtK.gPassAtK(n, c, k, (double) tau[0] / tau[1]))
                .as("n=%d c=%d k=%d tau=%d/%d", n, c, k, tau[0], tau[1])
                .isCloseTo(expected, within(1e-12));
          }
        }
      }
    }
  }

  @Test
  void should_give_the_hand_computed_case() {
    // n=4 samples, c=2 correct, k=2: C(4,2) = 6 pairs. τ=1 needs both correct: only the pair of the two correct
    // ones, C(2,2)·C(2,0)/6 = 1/6. τ=0.5 needs ⌈1⌉ = 1 correct: all pairs but the wrong-wrong one, 5/6 = pass@2.
    // mG-Pass@2 = (2/2)·Σ_{i=⌈1⌉+1}^{2} G-Pass@2_{i/2} = G-Pass@2_1 = 1/6.
    assertThat(GPassAtK.gPassAtK(4, 2, 2, 1.0)).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(GPassAtK.gPassAtK(4, 2, 2, 0.5)).isCloseTo(5.0 / 6, within(1e-15));
    assertThat(GPassAtK.mGPassAtK(4, 2, 2)).isCloseTo(1.0 / 6, within(1e-15));
  }

  @Test
  void should_give_mg_pass_as_the_mean_of_the_upper_half_thresholds() {
    // n=6, c=3, k=4: P(j correct) = C(3,j)·C(3,4−j)/C(6,4) = {j=1: 3/15, j=2: 9/15, j=3: 3/15}.
    // mG-Pass@4 = (2/4)·(P(≥3) + P(≥4)) with i from ⌈2⌉+1 = 3 to 4 = (1/2)·(3/15 + 0) = 1/10.
    assertThat(GPassAtK.mGPassAtK(6, 3, 4)).isCloseTo(0.1, within(1e-15));
  }

  @Test
  void should_match_exact_rational_arithmetic_at_n_1024() throws IOException {
    // Fixture written by make_gpass_fixture.py (Python fractions and math.comb, exact), next to the file.
    List<String> rows = fixture("/metric/gpass-n1024.tsv");
    assertThat(rows).hasSize(340);
    for (String row : rows) {
      String[] f = row.split("\t");
      int n = Integer.parseInt(f[1]);
      int c = Integer.parseInt(f[2]);
      int k = Integer.parseInt(f[3]);
      int m = Integer.parseInt(f[4]);
      double expected = Double.parseDouble(f[5]);
      double actual = f[0].equals("tail") ? GPassAtK.atLeast(n, c, k, m) : GPassAtK.mGPassAtK(n, c, k);
      double tolerance = Math.max(1e-12 * expected, 1e-300);
      assertThat(actual).as(row).isCloseTo(expected, within(tolerance));
    }
  }

  @Test
  void should_use_the_mathematical_ceiling_of_tau_times_k() {
    assertThat(GPassAtK.threshold(10, 0.7)).isEqualTo(7);
    assertThat(GPassAtK.threshold(10, 0.71)).isEqualTo(8);
    assertThat(GPassAtK.threshold(16, 0.75)).isEqualTo(12);
    assertThat(GPassAtK.threshold(16, 0.0)).isEqualTo(1);
    assertThat(GPassAtK.threshold(3, 0.5)).isEqualTo(2);
  }

  @Test
  void should_average_over_problems_with_an_interval() {
    // k=2, τ=1 over n=4: c=2 → 1/6 (above); c=4 → 1; c=0 → 0.
    int[] n = {4, 4, 4};
    int[] c = {2, 4, 0};

    Interval mean = GPassAtK.mean(n, c, 2, 1.0, 1000, 0.95, 3);

    assertThat(GPassAtK.perProblem(n, c, 2, 1.0)).containsExactly(new double[] {1.0 / 6, 1, 0}, within(1e-15));
    assertThat(mean.estimate()).isCloseTo((1.0 / 6 + 1) / 3, within(1e-15));
    assertThat(mean.low()).isLessThan(mean.estimate());
    assertThat(mean.high()).isGreaterThan(mean.estimate());
    assertThat(GPassAtK.mGMean(n, c, 2, 1000, 0.95, 3).estimate()).isCloseTo((1.0 / 6 + 1) / 3, within(1e-15));
    assertThat(GPassAtK.mean(new int[0], new int[0], 2, 1.0, 1000, 0.95, 3).estimate()).isNaN();
  }

  @Test
  void should_reject_what_has_no_definition() {
    assertThatThrownBy(() -> GPassAtK.gPassAtK(4, 2, 2, 1.5)).hasMessage("tau must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> GPassAtK.gPassAtK(4, 2, 5, 1)).hasMessage("k must be in [1, n=4]: 5");
    assertThatThrownBy(() -> GPassAtK.mGPassAtK(4, 2, 1))
        .hasMessage("mG-Pass@k needs k >= 2: its sum over tau in (0.5, 1] is empty for k = 1");
  }

  private static List<String> fixture(String resource) throws IOException {
    try (InputStream in = GPassAtKTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().skip(1).filter(l -> !l.isBlank()).toList();
    }
  }
}
