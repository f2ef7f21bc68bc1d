package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyControllerTest {
  private final EntropyController controller =
      new EntropyController(new RlTreatment.EntropySchedule(0.6, 0.4, 0.7, 0.5), 200);

  @Test
  void should_anneal_the_band_linearly_from_start_to_end() {
    assertThat(controller.band(0)).isEqualTo(new EntropyController.Band(0.6, 0.7));
    EntropyController.Band half = controller.band(100);
    assertThat(half.low()).isCloseTo(0.5, within(1e-12));
    assertThat(half.high()).isCloseTo(0.6, within(1e-12));
    assertThat(controller.band(150).low()).isCloseTo(0.45, within(1e-12));
  }

  @Test
  void should_keep_positive_samples_above_the_band_negative_below_and_all_inside() {
    EntropyController.Band band = new EntropyController.Band(0.5, 0.6);
    double[] advantages = {1.5, -0.5, -0.5, -0.5, 0, 0.8, -0.8};
    assertThat(EntropyController.mode(0.61, band)).isEqualTo(EntropyController.KEEP_POSITIVE);
    assertThat(EntropyController.select(advantages, EntropyController.KEEP_POSITIVE))
        .containsExactly(1.5, 0, 0, 0, 0, 0.8, 0);
    assertThat(EntropyController.mode(0.49, band)).isEqualTo(EntropyController.KEEP_NEGATIVE);
    assertThat(EntropyController.select(advantages, EntropyController.KEEP_NEGATIVE))
        .containsExactly(0, -0.5, -0.5, -0.5, 0, 0, -0.8);
    assertThat(EntropyController.mode(0.5, band)).as("the band's ends are inside").isEqualTo(EntropyController.KEEP_ALL);
    assertThat(EntropyController.mode(0.6, band)).isEqualTo(EntropyController.KEEP_ALL);
    assertThat(EntropyController.select(advantages, EntropyController.KEEP_ALL)).containsExactly(advantages);
  }
}
