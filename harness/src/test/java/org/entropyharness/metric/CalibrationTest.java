package org.entropyharness.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void should_match_a_hand_computed_ece() {
    // Bins of width 1/15: 0.95 and 1.0 share the last bin; 0.1 sits in bin 1; 0.5 in bin 7.
    double[] conf = {0.95, 1.0, 0.1, 0.5};
    boolean[] right = {true, false, false, true};
    double lastBin = 2 * Math.abs(0.5 - 0.975);
    double expected = (lastBin + Math.abs(0 - 0.1) + Math.abs(1 - 0.5)) / 4;

    assertThat(Calibration.ece(conf, right)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void should_be_near_zero_for_calibrated_confidences() {
    Random random = new Random(3);
    int n = 200_000;
    double[] conf = new double[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      conf[i] = random.nextDouble();
      right[i] = random.nextDouble() < conf[i];
    }

    assertThat(Calibration.ece(conf, right)).isLessThan(0.01);
  }

  @Test
  void should_lay_out_fifteen_reliability_bins() {
    List<ReliabilityBin> bins = Calibration.reliability(new double[] {0.02, 0.99}, new boolean[] {false, true}, 15);

    assertThat(bins).hasSize(15);
    assertThat(bins.get(0)).isEqualTo(new ReliabilityBin(0, 1.0 / 15, 1, 0.02, 0.0));
    assertThat(bins.get(5).count()).isZero();
    assertThat(bins.get(14).accuracy()).isEqualTo(1.0);
  }
}
