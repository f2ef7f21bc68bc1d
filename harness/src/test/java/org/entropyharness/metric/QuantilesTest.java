package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {

  @Test
  void should_take_the_mean_of_every_run_of_window_values() {
    double[] xs = {1, 2, 3, 4, 10};

    assertThat(Quantiles.windowMeans(xs, 2)).containsExactly(1.5, 2.5, 3.5, 7.0);
    assertThat(Quantiles.windowMeans(xs, 5)).containsExactly(4.0);
    assertThat(Quantiles.windowMeans(xs, 99)).containsExactly(4.0);
    assertThat(Quantiles.windowMeans(new double[0], 3)).isEmpty();
    assertThatThrownBy(() -> Quantiles.windowMeans(xs, 0)).hasMessage("window must be >= 1: 0");
  }
}
