package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyTest {

  private static float[] row(int n, double scale, long seed) {
    Random random = new Random(seed);
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = (float) (random.nextGaussian() * scale);
    }
    return z;
  }

  /** Probabilities by the textbook softmax in double precision with Math.exp. */
  private static double[] softmax(float[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : z) {
      max = Math.max(max, x);
    }
    double[] p = new double[z.length];
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  private static double naiveShannon(double[] p) {
    double h = 0;
    for (double x : p) {
      h -= x > 0 ? x * Math.log(x) : 0;
    }
    return h;
  }

  @Test
  void should_match_a_double_precision_softmax_on_a_vocabulary_row() {
    for (double scale : new double[] {0.5, 3, 12}) {
      float[] z = row(151_936, scale, 5);
      double expected = naiveShannon(softmax(z));

      assertThat(Entropy.shannon(z)).as("scale %s", scale).isCloseTo(expected, within(2e-6 * expected + 1e-9));
      assertThat(Entropy.scalarShannon(z)).as("scalar, scale %s", scale)
          .isCloseTo(expected, within(2e-6 * expected + 1e-9));
    }
  }

  @Test
  void should_run_the_simd_kernel_under_surefire_and_agree_with_the_scalar_one_on_odd_lengths() {
    assertThat(Entropy.VECTORISED).as("surefire adds jdk.incubator.vector").isTrue();
    for (int n : new int[] {1, 7, 8, 9, 4097, 8195}) {
      float[] z = row(n, 4, n);
      double expected = naiveShannon(softmax(z));
      assertThat(VectorEntropy.shannon(z)).as("n=%d", n).isCloseTo(expected, within(2e-6 * expected + 1e-9));
    }
  }

  @Test
  void should_not_overflow_on_huge_logits_and_give_zero_for_a_one_hot_row() {
    float[] z = {1000f, 1000f, -1000f};

    assertThat(Entropy.shannon(z)).isCloseTo(Math.log(2), within(1e-6));
    assertThat(Entropy.shannon(new float[] {0f, -200f, -300f})).isCloseTo(0, within(1e-9));
    assertThat(Entropy.shannon(new float[] {2f, 2f, 2f, 2f, 2f})).isCloseTo(Math.log(5), within(1e-6));
  }

  @Test
  void should_match_naive_renyi_for_several_alphas_and_the_min_entropy_at_infinity() {
    float[] z = row(4_099, 2, 9);
    double[] p = softmax(z);
    for (double alpha : new double[] {0.25, 0.5, 2, 3.5}) {
      double sum = 0;
      for (double x : p) {
        sum += Math.pow(x, alpha);
      }
      double expected = Math.log(sum) / (1 - alpha);
      assertThat(Entropy.renyi(z, alpha)).as("alpha %s", alpha).isCloseTo(expected, within(2e-6 * expected));
      assertThat(Entropy.scalarRenyi(z, alpha)).as("scalar %s", alpha).isCloseTo(expected, within(2e-6 * expected));
    }
    double maxP = java.util.Arrays.stream(p).max().orElseThrow();
    assertThat(Entropy.renyi(z, Double.POSITIVE_INFINITY)).isCloseTo(-Math.log(maxP), within(1e-6));
    assertThat(Entropy.scalarRenyi(z, Double.POSITIVE_INFINITY)).isCloseTo(-Math.log(maxP), within(1e-6));
    assertThat(Entropy.renyi(z, 1)).isEqualTo(Entropy.shannon(z));
  }

  @Test
  void should_match_naive_varentropy() {
    float[] z = row(10_007, 3, 13);
    double[] p = softmax(z);
    double h = naiveShannon(p);
    double second = 0;
    for (double x : p) {
      second += x > 0 ? x * Math.log(x) * Math.log(x) : 0;
    }

    assertThat(Entropy.varentropy(z)).isCloseTo(second - h * h, within(1e-5 * (second - h * h)));
    assertThat(Entropy.scalarVarentropy(z)).isCloseTo(second - h * h, within(1e-5 * (second - h * h)));
    assertThat(Entropy.varentropy(new float[] {1f, 1f, 1f})).isCloseTo(0, within(1e-9));
  }

  @Test
  void should_estimate_from_top_k_logprobs_both_ways() {
    float[] top = {(float) Math.log(0.5), (float) Math.log(0.25)};
    double renormalised = -(2.0 / 3) * Math.log(2.0 / 3) - (1.0 / 3) * Math.log(1.0 / 3);
    double withResidual = -0.5 * Math.log(0.5) - 0.25 * Math.log(0.25) - 0.25 * Math.log(0.25);

    assertThat(Entropy.fromTopKRenormalised(top)).isCloseTo(renormalised, within(1e-6));
    assertThat(Entropy.fromTopKWithResidual(top)).isCloseTo(withResidual, within(1e-6));
  }

  @Test
  void should_compute_exp_to_within_three_parts_in_ten_million() {
    double worst = 0;
    for (float x = -87f; x <= 0f; x += 0.0013f) {
      double exact = Math.exp(x);
      worst = Math.max(worst, Math.abs(Entropy.expNonPositive(x) - exact) / exact);
    }

    assertThat(worst).isLessThan(3e-7);
  }
}
