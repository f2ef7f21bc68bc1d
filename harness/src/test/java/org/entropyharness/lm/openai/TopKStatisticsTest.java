package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKStatisticsTest {

  @Test
  void should_equal_the_exact_entropy_when_k_covers_the_vocabulary() {
    double[] lp = {Math.log(0.5), Math.log(0.25), Math.log(0.25)};
    assertThat(TopKStatistics.entropy(lp)).isCloseTo(1.5 * Math.log(2), within(1e-12));
  }

  @Test
  void should_bound_the_exact_entropy_from_below_for_any_k() {
    double[] lp = OpenAiTestServer.logprobs(new SplittableRandom(3));
    double exact = -Arrays.stream(lp).map(l -> Math.exp(l) * l).sum();
    double[] sorted = Arrays.stream(lp).sorted().toArray();
    double previous = 0;
    for (int k = 1; k <= lp.length; k++) {
      double[] top = Arrays.copyOfRange(sorted, lp.length - k, lp.length);
      double h = TopKStatistics.entropy(top);
      assertThat(h).isLessThanOrEqualTo(exact + 1e-12).isGreaterThanOrEqualTo(previous - 1e-12);
      previous = h;
    }
    assertThat(previous).isCloseTo(exact, within(1e-9));
  }

  @Test
  void should_take_confidence_as_minus_mean_logprob() {
    assertThat(TopKStatistics.confidence(new double[] {-1, -3})).isEqualTo(2.0);
    assertThat(TopKStatistics.confidence(new double[0])).isNaN();
  }
}
