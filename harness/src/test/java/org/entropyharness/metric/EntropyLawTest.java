package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyLawTest {
  private static final double A = 0.35;
  private static final double B = 0.95;

  /** Checkpoints with entropies spread over [0.1, 1.4] nats and R = −A·exp(H) + B + N(0, noise²). */
  private static double[][] checkpoints(int count, double noise, Random random) {
    double[] h = new double[count];
    double[] r = new double[count];
    for (int i = 0; i < count; i++) {
      h[i] = 1.4 - 1.3 * i / (count - 1);
      r[i] = -A * Math.exp(h[i]) + B + noise * random.nextGaussian();
    }
    return new double[][] {h, r};
  }

  @Test
  void should_fit_exact_data_exactly() {
    // R = −0.35·e^H + 0.95: ceiling −0.35 + 0.95 = 0.6.
    double[][] d = checkpoints(4, 0, new Random(1));

    EntropyLawFit fit = EntropyLaw.fit(d[0], d[1], 500, 0.95, 1);

    assertThat(fit.a().estimate()).isCloseTo(A, within(1e-12));
    assertThat(fit.b().estimate()).isCloseTo(B, within(1e-12));
    assertThat(fit.ceiling().estimate()).isCloseTo(0.6, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
    assertThat(fit.a().high() - fit.a().low()).isLessThan(1e-12);
    assertThat(fit.ceiling().high() - fit.ceiling().low()).isLessThan(1e-12);
    assertThat(fit.checkpoints()).isEqualTo(4);
  }

  @Test
  void should_match_a_hand_computed_least_squares_fit() {
    // H = ln 1, ln 2, ln 3 → x = e^H = 1, 2, 3; R = 0.5, 0.4, 0.2. x̄ = 2, R̄ = 1.1/3, Sxx = 2,
    // Sxy = (−1)(0.5) + 0 + (1)(0.2) = −0.3 → slope −0.15, a = 0.15; b = 1.1/3 + 0.3 = 0.666…;
    // ceiling = b − a = 0.51666…; residuals 0.5 − 0.51667 = −0.01667, 0.4 − 0.36667 = 0.03333, −0.01667;
    // SSres = 0.001667, SStot = 0.04667 → R² = 1 − 0.001667/0.04667 = 0.964286 (= 27/28).
    double[] h = {0, Math.log(2), Math.log(3)};
    double[] r = {0.5, 0.4, 0.2};

    EntropyLawFit fit = EntropyLaw.fit(h, r, 200, 0.95, 1);

    assertThat(fit.a().estimate()).isCloseTo(0.15, within(1e-12));
    assertThat(fit.b().estimate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(fit.ceiling().estimate()).isCloseTo(2.0 / 3 - 0.15, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(27.0 / 28, within(1e-12));
    assertThat(fit.predict(Math.log(2))).isCloseTo(2.0 / 3 - 0.3, within(1e-12));
  }

  @Test
  void should_recover_known_coefficients_within_its_intervals() {
    double[][] d = checkpoints(12, 0.01, new Random(42));

    EntropyLawFit fit = EntropyLaw.fit(d[0], d[1], 2000, 0.95, 7);

    assertThat(A).isBetween(fit.a().low(), fit.a().high());
    assertThat(B).isBetween(fit.b().low(), fit.b().high());
    assertThat(B - A).isBetween(fit.ceiling().low(), fit.ceiling().high());
    assertThat(fit.a().high() - fit.a().low()).isLessThan(0.05);
    assertThat(fit.rSquared()).isGreaterThan(0.95);
  }

  @Test
  void should_cover_the_true_slope_at_about_its_level_and_as_wide_as_the_t_interval() {
    // 6 checkpoints, Gaussian noise: the textbook interval is â ± t(0.975, 4)·se with t(0.975, 4) = 2.776 (tables),
    // se = σ̂/√Sxx. The bootstrap-t interval should be about as wide and cover A in about 95% of datasets
    // (±3 binomial standard errors of 300 datasets: 0.912..0.988).
    Random random = new Random(2024);
    int datasets = 300;
    int covered = 0;
    double ratioSum = 0;
    for (int s = 0; s < datasets; s++) {
      double[][] d = checkpoints(6, 0.02, random);
      EntropyLawFit fit = EntropyLaw.fit(d[0], d[1], 400, 0.95, s);
      covered += fit.a().low() <= A && A <= fit.a().high() ? 1 : 0;
      ratioSum += (fit.a().high() - fit.a().low()) / (2 * 2.776 * textbookSlopeError(d[0], d[1]));
    }

    assertThat((double) covered / datasets).isBetween(0.912, 0.988);
    assertThat(ratioSum / datasets).isBetween(0.85, 1.15);
  }

  /** σ̂/√Sxx of the least-squares line of R on e^H, written out independently of the code under test. */
  private static double textbookSlopeError(double[] h, double[] r) {
    int n = h.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double x = Math.exp(h[i]);
      sx += x;
      sy += r[i];
      sxx += x * x;
      sxy += x * r[i];
    }
    double cxx = sxx - sx * sx / n;
    double slope = (sxy - sx * sy / n) / cxx;
    double intercept = (sy - slope * sx) / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double e = r[i] - intercept - slope * Math.exp(h[i]);
      ss += e * e;
    }
    return Math.sqrt(ss / (n - 2) / cxx);
  }

  @Test
  void should_refuse_what_cannot_be_fitted() {
    assertThatThrownBy(() -> EntropyLaw.fit(new double[] {0.1, 0.2}, new double[] {0.5, 0.4}, 10, 0.95, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the entropy law R = -a*exp(H) + b needs at least 3 checkpoints, got 2");
    assertThatThrownBy(() -> EntropyLaw.fit(new double[] {0.3, 0.3, 0.3}, new double[] {0.5, 0.4, 0.3}, 10, 0.95, 1))
        .hasMessage("the entropy law needs at least two different entropies: all 3 checkpoints have H=0.3");
    double[] withNaN = {0.1, Double.NaN, 0.3};
    assertThatThrownBy(() -> EntropyLaw.fit(withNaN, new double[] {0.5, 0.4, 0.3}, 10, 0.95, 1))
        .hasMessage("the entropy law needs finite values: checkpoint 1 has H=NaN, R=0.4");
    assertThatThrownBy(() -> EntropyLaw.fit(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.4}, 10, 0.95, 1))
        .hasMessage("the entropy law needs one accuracy per entropy: 3 entropies, 2 accuracies");
  }
}
