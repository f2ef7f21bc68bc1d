package org.entropyharness.lm.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SamplingCandidatesTest {

  private static double mass(double[] p, int subset) {
    double m = 0;
    for (int i = 0; i < p.length; i++) {
      m += (subset >> i & 1) == 1 ? p[i] : 0;
    }
    return m;
  }

  /**
   * The set each filter keeps, from its definition by enumerating every subset: top-k is the k-subset of largest mass;
   * top-p the smallest subset of the top-k set whose mass reaches p times the top-k mass (the largest such, when
   * several have that size); min-p the members of that set at or above min-p times the largest probability.
   */
  private static TreeSet<Integer> byEnumeration(double[] p, int topK, double topP, double minP) {
    int n = p.length;
    int k = topK == 0 ? n : Math.min(topK, n);
    int topKSet = -1;
    for (int s = 0; s < 1 << n; s++) {
      if (Integer.bitCount(s) == k && (topKSet < 0 || mass(p, s) > mass(p, topKSet))) {
        topKSet = s;
      }
    }
    int nucleus = topKSet;
    if (topP < 1) {
      double threshold = topP * mass(p, topKSet);
      for (int s = 0; s < 1 << n; s++) {
        boolean inside = (s & ~topKSet) == 0 && mass(p, s) >= threshold;
        if (inside && (Integer.bitCount(s) < Integer.bitCount(nucleus)
            || Integer.bitCount(s) == Integer.bitCount(nucleus) && mass(p, s) > mass(p, nucleus))) {
          nucleus = s;
        }
      }
    }
    double largest = 0;
    for (double x : p) {
      largest = Math.max(largest, x);
    }
    TreeSet<Integer> kept = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      if ((nucleus >> i & 1) == 1 && p[i] >= minP * largest) {
        kept.add(i);
      }
    }
    return kept;
  }

  private static double[] randomDistribution(SplittableRandom random, int n) {
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      p[i] = Math.pow(random.nextDouble(), 3);
      sum += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Test
  void should_keep_the_sets_enumeration_gives_for_top_k_top_p_and_min_p() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int c = 0; c < 400; c++) {
      int n = 2 + random.nextInt(9);
      double[] p = randomDistribution(random, n);
      int topK = random.nextInt(n + 3);
      double topP = random.nextBoolean() ? 1 : 0.05 + 0.95 * random.nextDouble();
      double minP = random.nextBoolean() ? 0 : 0.6 * random.nextDouble();

      TreeSet<Integer> actual = new TreeSet<>();
      for (int t : SamplingCandidates.of(p, topK, topP, minP).tokens()) {
        actual.add(t);
      }
      assertThat(actual).as("case %d: top-k %d top-p %s min-p %s over %s", c, topK, topP, minP,
          java.util.Arrays.toString(p)).isEqualTo(byEnumeration(p, topK, topP, minP));
    }
  }

  @Test
  void should_order_ties_by_ascending_id() {
    double[] p = {0.2, 0.3, 0.3, 0.2};

    assertThat(SamplingCandidates.of(p, 1, 1, 0).tokens()).containsExactly(1);
    assertThat(SamplingCandidates.of(p, 3, 1, 0).tokens()).containsExactly(1, 2, 0);
    assertThat(SamplingCandidates.of(p, 0, 0.5, 0).tokens()).containsExactly(1, 2);
  }

  @Test
  void should_leave_the_distribution_whole_at_top_p_one_min_p_zero_and_k_beyond_the_vocabulary() {
    double[] p = {0.5, 0.0, 0.25, 1e-300, 0.25 - 1e-300};

    assertThat(SamplingCandidates.of(p, 0, 1, 0).tokens()).containsExactly(0, 2, 4, 3);
    assertThat(SamplingCandidates.of(p, 99, 1, 0).tokens()).containsExactly(0, 2, 4, 3);
  }

  @Test
  void should_never_draw_a_token_of_zero_probability() {
    double[] p = {0.0, 0.6, 0.0, 0.4, 0.0};
    SamplingCandidates all = SamplingCandidates.of(p, 0, 1, 0);
    SplittableRandom random = new SplittableRandom(5);
    List<Integer> drawn = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      drawn.add(all.draw(random));
    }
    assertThat(drawn).containsOnly(1, 3);
  }
}
