package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  @Test
  void should_match_the_normal_approximation_for_item_level_error() {
    Random random = new Random(8);
    boolean[] c = new boolean[2000];
    for (int i = 0; i < c.length; i++) {
      c[i] = random.nextDouble() < 0.8;
    }
    double err = Accuracy.error(c);
    double halfWidth = 1.959964 * Math.sqrt(err * (1 - err) / c.length);

    Interval ci = Bootstrap.itemLevelError(c, 4000, 0.95, 1);

    assertThat(ci.estimate()).isEqualTo(err);
    assertThat(ci.low()).isCloseTo(err - halfWidth, within(0.15 * halfWidth));
    assertThat(ci.high()).isCloseTo(err + halfWidth, within(0.15 * halfWidth));
  }

  @Test
  void should_reproduce_with_a_seed_and_widen_with_sample_noise() {
    Random random = new Random(5);
    boolean[][] c = new boolean[200][8];
    for (boolean[] q : c) {
      double p = random.nextDouble();
      for (int s = 0; s < q.length; s++) {
        q[s] = random.nextDouble() < p;
      }
    }

    Interval a = Bootstrap.twoLevel(c, Accuracy::avgAtN, 1000, 0.95, 42);
    Interval b = Bootstrap.twoLevel(c, Accuracy::avgAtN, 1000, 0.95, 42);
    Interval pass4 = Bootstrap.twoLevel(c, x -> Bootstrap.passAtK(x, 4), 1000, 0.95, 42);

    assertThat(a).isEqualTo(b);
    assertThat(a.low()).isLessThan(a.estimate());
    assertThat(a.high()).isGreaterThan(a.estimate());
    assertThat(pass4.estimate()).isGreaterThan(a.estimate());
    // Questions alone (one level) would give sd ≈ sd(per-question mean)/sqrt(200); the two-level interval is wider.
    double[] means = new double[c.length];
    for (int q = 0; q < c.length; q++) {
      means[q] = Accuracy.accuracy(c[q]);
    }
    double m = Quantiles.mean(means);
    double var = 0;
    for (double x : means) {
      var += (x - m) * (x - m) / (means.length - 1);
    }
    double oneLevel = 2 * 1.96 * Math.sqrt(var / means.length);
    assertThat(a.high() - a.low()).isGreaterThan(oneLevel * 0.98);
  }

  @Test
  void should_match_the_normal_approximation_for_a_mean_over_items() {
    Random random = new Random(3);
    double[] xs = new double[1500];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble();
    }
    double m = Quantiles.mean(xs);
    double var = 0;
    for (double x : xs) {
      var += (x - m) * (x - m) / (xs.length - 1);
    }
    double halfWidth = 1.959964 * Math.sqrt(var / xs.length);

    Interval ci = Bootstrap.meanOverItems(xs, 4000, 0.95, 11);

    assertThat(ci.estimate()).isEqualTo(m);
    assertThat(ci.low()).isCloseTo(m - halfWidth, within(0.15 * halfWidth));
    assertThat(ci.high()).isCloseTo(m + halfWidth, within(0.15 * halfWidth));
  }

  @Test
  void should_leave_the_mean_of_no_items_missing() {
    Interval none = Bootstrap.meanOverItems(new double[0], 100, 0.95, 1);

    assertThat(none.estimate()).isNaN();
    assertThat(none.low()).isNaN();
    assertThat(none.high()).isNaN();
    assertThatThrownBy(() -> Bootstrap.meanOverItems(new double[] {1}, 0, 0.95, 1))
        .hasMessage("need a level in (0, 1) and at least one replicate: level=0.95, replicates=0");
  }
}
