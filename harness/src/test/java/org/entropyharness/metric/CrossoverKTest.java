package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CrossoverKTest {

  @Test
  void should_find_the_k_where_the_base_catches_up_by_hand() {
    // Two problems, n = 8 samples each.
    // Model: problem 1 all 8 correct (pass@k = 1), problem 2 none (0): mean pass@k = 1/2 for every k.
    // Base: 2 of 8 correct on both: pass@k = 1 − C(6,k)/C(8,k) = 1 − (8−k)(7−k)/56,
    //   k=1: 1 − 42/56 = 0.25; k=2: 1 − 30/56 ≈ 0.464; k=3: 1 − 20/56 ≈ 0.643 ≥ 0.5 → crossover at k = 3.
    // Paired resamples of the two problems: {1,2} (prob 1/2) → 3; {1,1} (1/4): model 1, base reaches 1 only at
    // k = 7 (C(6,7) = 0) → 7; {2,2} (1/4): model 0 → 1. So the 95% interval is [1, 7] and no resample lacks one.
    int[] n = {8, 8};

    Crossover x = CrossoverK.of(n, new int[] {8, 0}, n, new int[] {2, 2}, 2000, 0.95, 5);

    assertThat(x.k()).hasValue(3);
    assertThat(x.low()).hasValue(1);
    assertThat(x.high()).hasValue(7);
    assertThat(x.shareNone()).isZero();
    assertThat(x.maxK()).isEqualTo(8);
    assertThat(x.level()).isEqualTo(0.95);
  }

  @Test
  void should_report_none_when_the_base_never_catches_up() {
    // Model: 4 of 4 samples correct on both problems (pass@k = 1). Base: 8 samples, problem 1 has 1 correct
    // (pass@k = k/8 ≤ 1/2 for k ≤ 4), problem 2 none. K = 4, and no resample of problems lifts the base to 1.
    Crossover x = CrossoverK.of(
        new int[] {4, 4}, new int[] {4, 4}, new int[] {8, 8}, new int[] {1, 0}, 500, 0.95, 1);

    assertThat(x.k()).isEmpty();
    assertThat(x.low()).isEmpty();
    assertThat(x.high()).isEmpty();
    assertThat(x.shareNone()).isEqualTo(1.0);
    assertThat(x.maxK()).isEqualTo(4);
  }

  @Test
  void should_cross_at_one_when_the_models_are_identical() {
    int[] n = {16, 16, 16};
    int[] c = {3, 0, 11};

    Crossover x = CrossoverK.of(n, c, n, c.clone(), 500, 0.9, 2);

    assertThat(x.k()).hasValue(1);
    assertThat(x.low()).hasValue(1);
    assertThat(x.high()).hasValue(1);
    assertThat(x.shareNone()).isZero();
  }

  @Test
  void should_compare_up_to_the_smallest_sample_count_of_either_model() {
    // Model n=8, base n=4: only k ≤ 4 is defined for both. Model 8/8 correct, base 0/4: no crossover up to 4.
    Crossover x = CrossoverK.of(new int[] {8}, new int[] {8}, new int[] {4}, new int[] {0}, 100, 0.95, 3);

    assertThat(x.maxK()).isEqualTo(4);
    assertThat(x.k()).isEmpty();
  }

  @Test
  void should_count_the_share_of_resamples_without_crossover() {
    // Problem 1: model 8/8, base 0/8 (base never reaches). Problem 2: model 0/8, base 8/8. Resamples: {1,1} none
    // (1/4), {2,2} → 1 (1/4), {1,2} → gap mean 0 at every k → 1 (1/2). Share none ≈ 1/4; the upper end is none.
    int[] n = {8, 8};

    Crossover x = CrossoverK.of(n, new int[] {8, 0}, n, new int[] {0, 8}, 4000, 0.95, 9);

    assertThat(x.k()).hasValue(1);
    assertThat(x.shareNone()).isCloseTo(0.25, within(0.03));
    assertThat(x.low()).hasValue(1);
    assertThat(x.high()).isEmpty();
  }

  @Test
  void should_find_the_crossover_of_two_given_curves() {
    assertThat(CrossoverK.crossover(new double[] {0.5, 0.6, 0.7}, new double[] {0.2, 0.5, 0.7})).hasValue(3);
    assertThat(CrossoverK.crossover(new double[] {0.5, 0.6}, new double[] {0.2, 0.5})).isEqualTo(OptionalInt.empty());
  }

  @Test
  void should_refuse_unpaired_or_empty_problem_lists() {
    assertThatThrownBy(() -> CrossoverK.of(new int[0], new int[0], new int[0], new int[0], 10, 0.95, 1))
        .hasMessage("crossover-k needs the same problems, at least one, for model and base: "
            + "0 problems for the model, 0 for the base");
    assertThatThrownBy(
            () -> CrossoverK.of(new int[] {4}, new int[] {1}, new int[] {4, 4}, new int[] {1, 1}, 10, 0.95, 1))
        .hasMessage("crossover-k needs the same problems, at least one, for model and base: "
            + "1 problems for the model, 2 for the base");
  }
}
