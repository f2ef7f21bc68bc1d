package org.entropyharness.data.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FiltersTest {
  @Test
  void should_map_outside_indices_like_scipy_and_opencv() {
    int[] at = {-3, -2, -1, 0, 1, 31, 32, 33, 34};
    assertThat(IntStream.of(at).map(i -> Filters.Border.NEAREST.index(i, 32)).toArray())
        .containsExactly(0, 0, 0, 0, 1, 31, 31, 31, 31);
    assertThat(IntStream.of(at).map(i -> Filters.Border.REFLECT.index(i, 32)).toArray())
        .containsExactly(2, 1, 0, 0, 1, 31, 31, 30, 29);
    assertThat(IntStream.of(at).map(i -> Filters.Border.REFLECT_101.index(i, 32)).toArray())
        .containsExactly(3, 2, 1, 0, 1, 31, 30, 29, 28);
  }

  @Test
  void should_use_scipy_gaussian_radius_and_keep_the_mean() {
    assertThat(Filters.gaussianKernel(0.05, 4)).containsExactly(1.0);
    assertThat(Filters.gaussianKernel(0.4, 4)).hasSize(5);
    assertThat(Filters.gaussianKernel(6.4, 3)).hasSize(39);
    double[] plane = new SplittableRandom(2).doubles(1024).toArray();
    double mean = java.util.Arrays.stream(plane).average().orElseThrow();
    Filters.separable(plane, Filters.gaussianKernel(1.0, 4), Filters.Border.REFLECT);
    assertThat(java.util.Arrays.stream(plane).average().orElseThrow())
        .isCloseTo(mean, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void should_make_a_plasma_map_spanning_zero_to_one() {
    double[] map = PlasmaFractal.generate(32, 3, new SplittableRandom(4));
    assertThat(java.util.Arrays.stream(map).min().orElseThrow()).isEqualTo(0.0);
    assertThat(java.util.Arrays.stream(map).max().orElseThrow()).isEqualTo(1.0);
    assertThat(map).isEqualTo(PlasmaFractal.generate(32, 3, new SplittableRandom(4)));
  }

  @Test
  void should_build_defocus_disks_that_sum_to_one() {
    for (double[] c : new double[][] {{0.3, 0.4}, {1, 0.2}, {1.5, 0.1}}) {
      double sum = java.util.Arrays.stream(Disk.kernel(c[0], c[1])).flatMapToDouble(java.util.Arrays::stream).sum();
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }
  }
}
