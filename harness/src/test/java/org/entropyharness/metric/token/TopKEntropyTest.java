package org.entropyharness.metric.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKEntropyTest {

  /** The k largest entries of PyTorch's log-softmax, as a server returns them (order does not matter). */
  private static double[] top(double[] logp, int k) {
    double[] sorted = Arrays.stream(logp).sorted().toArray();
    return Arrays.copyOfRange(sorted, sorted.length - k, sorted.length);
  }

  @Test
  void should_match_pytorch_entropy_of_the_renormalised_top_k() {
    int compared = 0;
    for (TokenFixtures.Row r : TokenFixtures.rows()) {
      double[] logp = r.logSoftmax(1.0);
      if (logp == null) {
        continue;
      }
      for (Map.Entry<Double, Double> e : r.topKEntropy().entrySet()) {
        double expected = e.getValue();
        assertThat(TopKEntropy.renormalised(top(logp, e.getKey().intValue()))).as("%s k=%s", r.name(), e.getKey())
            .isCloseTo(expected, within(2e-6 * expected + 1e-12));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }

  @Test
  void should_renormalise_by_hand_and_equal_the_exact_entropy_when_k_covers_the_vocabulary() {
    // p = (0.5, 0.25) renormalised: (2/3, 1/3).
    double expected = -(2.0 / 3) * Math.log(2.0 / 3) - (1.0 / 3) * Math.log(1.0 / 3);
    assertThat(TopKEntropy.renormalised(new double[] {Math.log(0.5), Math.log(0.25)}))
        .isCloseTo(expected, within(1e-6));
    assertThat(TopKEntropy.renormalised(new double[] {Math.log(0.5), Math.log(0.25), Math.log(0.25)}))
        .isCloseTo(1.5 * Math.log(2), within(1e-6));
  }

  @Test
  void should_be_missing_without_logprobs_and_reject_nan() {
    assertThat(TopKEntropy.renormalised(new double[0])).isNaN();
    assertThat(TopKEntropy.renormalised(new double[] {Double.NEGATIVE_INFINITY})).isNaN();
    assertThatThrownBy(() -> TopKEntropy.renormalised(new double[] {Double.NaN}))
        .hasMessage("log-probability 0 of 1 is NaN; a log-probability is a number or -Infinity (a masked token)");
  }
}
