package org.entropyharness.data.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZoomTest {
  @Test
  void should_leave_the_image_unchanged_at_factors_1_and_1_01_as_scipy_does() {
    double[] plane = new SplittableRandom(1).doubles(1024).toArray();
    double[] out = new double[1024];
    for (double factor : new double[] {1.0, 1.01}) {
      new Zoom(factor).apply(plane, out, new double[1024]);
      assertThat(out).as("factor %s", factor).containsExactly(plane);
    }
  }

  @Test
  void should_enlarge_the_centre_at_larger_factors() {
    double[] ramp = new double[1024];
    for (int i = 0; i < 1024; i++) {
      ramp[i] = i % 32;
    }
    double[] out = new double[1024];
    new Zoom(2.0).apply(ramp, out, new double[1024]);
    // ceil(32/2) = 16 columns from 8 to 23, stretched corner-aligned onto 32: 8 + o·15/31
    assertThat(out[0]).isEqualTo(8.0);
    assertThat(out[31]).isCloseTo(23.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(out[16]).isCloseTo(8 + 16 * 15.0 / 31, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void should_reproduce_numpy_arange_lengths_and_values() {
    double[] f = Zoom.arange(1, 1.06, 0.01);
    assertThat(f).hasSize(7);
    assertThat(f[6]).isEqualTo(1 + 6 * (1.01 - 1));
  }
}
