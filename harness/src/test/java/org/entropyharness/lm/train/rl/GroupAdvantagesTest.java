package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values worked by hand from A = (r − mean) / (std_{n−1} + 1e-6). */
class GroupAdvantagesTest {
  @Test
  void should_normalise_each_group_by_its_own_mean_and_unbiased_std() {
    // group 1: rewards 1,0,0,1: mean 1/2, std = sqrt(4 · 1/4 / 3) = 1/sqrt(3) = 0.5773503 → ±0.5 · sqrt(3) = ±0.8660254
    // group 2: 1,0,0,0: mean 1/4, std = sqrt((9/16 + 3/16) / 3) = 1/2 → 0.75 / 0.5 = 1.5 and −0.25 / 0.5 = −0.5
    double[] a = GroupAdvantages.normalise(new double[] {1, 0, 0, 1, 1, 0, 0, 0}, 4);
    double s3 = 0.5 / (1 / Math.sqrt(3) + 1e-6);
    assertThat(a).containsExactly(new double[] {s3, -s3, -s3, s3, 0.75 / 0.500001, -0.25 / 0.500001,
        -0.25 / 0.500001, -0.25 / 0.500001}, within(1e-12));
    assertThat(a[0]).isCloseTo(0.8660254, within(2e-6));
    assertThat(a[4]).isCloseTo(1.5, within(4e-6));
  }

  @Test
  void should_give_a_group_of_equal_rewards_zero_advantage() {
    assertThat(GroupAdvantages.normalise(new double[] {1, 1, 1, 0, 0, 0}, 3)).containsExactly(0, 0, 0, 0, 0, 0);
  }

  @Test
  void should_refuse_groups_that_do_not_divide_the_batch() {
    assertThatThrownBy(() -> GroupAdvantages.normalise(new double[] {1, 0, 1}, 2))
        .hasMessage("GRPO needs groups of at least 2 samples dividing the batch: 3 rewards, groups of 2");
  }
}
