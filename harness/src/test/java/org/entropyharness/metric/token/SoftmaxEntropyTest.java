package org.entropyharness.metric.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxEntropyTest {
  /** Relative agreement the polynomial exponential and float lanes allow (documented on SoftmaxEntropy). */
  private static final double RELATIVE = 2e-6;

  private static float[] row(int n, double scale, long seed) {
    Random random = new Random(seed);
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = (float) (random.nextGaussian() * scale);
    }
    return z;
  }

  /** The textbook entropy in double precision with Math.exp, to compare rows too long for the PyTorch fixture. */
  private static double naiveShannon(float[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : z) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (float x : z) {
      sum += Math.exp(x - max);
    }
    double h = 0;
    for (float x : z) {
      double p = Math.exp(x - max) / sum;
      h -= p > 0 ? p * Math.log(p) : 0;
    }
    return h;
  }

  private static org.assertj.core.data.Offset<Double> near(double expected) {
    return within(RELATIVE * Math.abs(expected) + 1e-15);
  }

  @Test
  void should_match_pytorch_shannon_on_every_fixture_row_on_lanes_and_in_the_scalar_loop() {
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      float[] z = r.logits();
      assertThat(SoftmaxEntropy.shannon(z)).as(r.name()).isCloseTo(r.shannon(), near(r.shannon()));
      assertThat(SoftmaxEntropy.scalarShannon(z)).as("scalar " + r.name()).isCloseTo(r.shannon(), near(r.shannon()));
    }
  }

  @Test
  void should_match_pytorch_renyi_and_min_entropy_on_every_fixture_row() {
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      float[] z = r.logits();
      for (Map.Entry<Double, Double> e : r.renyi().entrySet()) {
        double alpha = e.getKey();
        double expected = e.getValue();
        assertThat(SoftmaxEntropy.renyi(z, alpha)).as("%s alpha %s", r.name(), alpha)
            .isCloseTo(expected, near(expected));
        assertThat(SoftmaxEntropy.scalarRenyi(z, alpha)).as("scalar %s alpha %s", r.name(), alpha)
            .isCloseTo(expected, near(expected));
      }
    }
  }

  @Test
  void should_match_a_double_precision_softmax_on_a_vocabulary_row() {
    for (double scale : new double[] {0.5, 3, 12}) {
      float[] z = row(151_936, scale, 5);
      double expected = naiveShannon(z);

      assertThat(SoftmaxEntropy.shannon(z)).as("scale %s", scale).isCloseTo(expected, near(expected));
      assertThat(SoftmaxEntropy.scalarShannon(z)).as("scalar, scale %s", scale).isCloseTo(expected, near(expected));
    }
  }

  @Test
  void should_run_on_lanes_under_surefire_and_read_a_row_inside_a_larger_array() {
    assertThat(SoftmaxEntropy.VECTORISED).as("surefire adds jdk.incubator.vector").isTrue();
    for (int n : new int[] {1, 7, 16, 17, 4097, 8195}) {
      float[] z = row(n, 4, n);
      float[] padded = new float[n + 10];
      java.util.Arrays.fill(padded, 50f);
      System.arraycopy(z, 0, padded, 3, n);
      double expected = naiveShannon(z);
      assertThat(SoftmaxEntropy.shannon(padded, 3, n)).as("n=%d", n).isCloseTo(expected, near(expected));
      assertThat(SoftmaxEntropy.renyi(padded, 3, n, 1)).isEqualTo(SoftmaxEntropy.shannon(padded, 3, n));
    }
  }

  @Test
  void should_give_the_same_bits_on_lanes_and_in_the_scalar_loop() {
    for (int n : new int[] {1, 3, 4, 5, 31, 4096, 4099, 8195, 20_001}) {
      for (double scale : new double[] {0.5, 4, 40}) {
        float[] z = row(n, scale, n * 31L + (long) scale);
        z[n / 2] = n % 2 == 0 ? Float.NEGATIVE_INFINITY : z[n / 2];
        SoftmaxSums lanes = VectorSoftmaxPass.sums(z, 0, n, SoftmaxEntropy.max(z, 0, n), 0.5f);
        SoftmaxSums scalar = ScalarSoftmaxPass.sums(z, 0, n, SoftmaxEntropy.max(z, 0, n), 0.5f);
        assertThat(lanes).as("n=%d scale %s", n, scale).isEqualTo(scalar);
      }
    }
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      assertThat(SoftmaxEntropy.shannon(r.logits())).as(r.name()).isEqualTo(SoftmaxEntropy.scalarShannon(r.logits()));
    }
  }

  @Test
  void should_give_hand_computed_values_for_ties_and_huge_logits() {
    assertThat(SoftmaxEntropy.shannon(new float[] {1000f, 1000f, -1000f})).isCloseTo(Math.log(2), within(1e-12));
    assertThat(SoftmaxEntropy.shannon(new float[] {2f, 2f, 2f, 2f, 2f})).isCloseTo(Math.log(5), within(1e-12));
    assertThat(SoftmaxEntropy.shannon(new float[] {0f, -200f, -300f})).isZero();
    assertThat(SoftmaxEntropy.renyi(new float[] {0f, 0f, Float.NEGATIVE_INFINITY}, 2)).isCloseTo(Math.log(2),
        within(1e-12));
  }

  @Test
  void should_reject_a_nan_or_positive_infinite_logit_on_lanes_and_in_the_tail() {
    for (int at : new int[] {3, 40}) {
      float[] z = row(41, 1, 1);
      z[at] = Float.NaN;
      assertThatThrownBy(() -> SoftmaxEntropy.shannon(z))
          .isInstanceOf(InvalidLogitsException.class)
          .hasMessage("logit " + at + " of a row of 41 is NaN: the scores are undefined there; check the weights and "
              + "the forward pass for NaN");
      z[at] = Float.POSITIVE_INFINITY;
      assertThatThrownBy(() -> SoftmaxEntropy.renyi(z, 2))
          .hasMessage("logit " + at + " of a row of 41 is Infinity: the scores are undefined there; check the "
              + "weights and the forward pass for Infinity");
    }
  }

  @Test
  void should_reject_an_empty_or_fully_masked_row_and_a_bad_order() {
    float[] masked = new float[20];
    java.util.Arrays.fill(masked, Float.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> SoftmaxEntropy.shannon(masked))
        .hasMessage("every logit of a row of 20 is -Infinity: every token is masked and none can be chosen; leave at "
            + "least one token unmasked");
    assertThatThrownBy(() -> SoftmaxEntropy.shannon(new float[0]))
        .hasMessage("empty logits row: a distribution needs at least one token");
    assertThatThrownBy(() -> SoftmaxEntropy.renyi(new float[] {1f}, 0))
        .hasMessage("Renyi order alpha must be > 0: 0.0");
  }

  @Test
  void should_compute_exp_to_within_three_parts_in_ten_million() {
    double worst = 0;
    for (float x = -87f; x <= 0f; x += 0.0013f) {
      double exact = Math.exp(x);
      worst = Math.max(worst, Math.abs(ScalarSoftmaxPass.exp(x) - exact) / exact);
    }

    assertThat(worst).isLessThan(3e-7);
    assertThat(ScalarSoftmaxPass.exp(0f)).isEqualTo(1f);
  }
}
