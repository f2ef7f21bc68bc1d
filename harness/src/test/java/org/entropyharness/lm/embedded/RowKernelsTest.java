package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RowKernelsTest {

  /** Inputs with a ReLU's share of exact zeros, and one -0.0 so skipped zeros are seen to leave signs alone. */
  private static float[] values(Random random, int length, boolean withZeros) {
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      float v = (float) random.nextGaussian();
      out[i] = withZeros ? Math.max(0f, v) : v;
    }
    out[0] = withZeros ? 0f : out[0];
    return out;
  }

  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }

  @Test
  void should_accumulate_the_same_bits_as_the_scalar_loop_for_every_shape() {
    assertThat(RowKernels.VECTOR).as("surefire runs with the Vector API module").isTrue();
    Random random = new Random(7);
    for (int rows : new int[] {1, 3, 4, 5, 8, 9, 16}) {
      for (int[] nm : new int[][] {{128, 384}, {512, 128}, {128, 32}, {7, 30}, {33, 17}}) {
        for (boolean zeros : new boolean[] {false, true}) {
          float[] in = values(random, rows * nm[0], zeros);
          float[] w = values(random, nm[0] * nm[1], false);
          float[] expected = values(random, rows * nm[1], false);
          expected[1] = -0f;
          float[] actual = expected.clone();

          RowKernels.accumulateScalar(in, rows, nm[0], w, nm[1], expected);
          RowKernels.accumulate(in, rows, nm[0], w, nm[1], actual);

          assertThat(bits(actual)).as("rows %d, %d × %d, zeros %s", rows, nm[0], nm[1], zeros)
              .containsExactly(bits(expected));
        }
      }
    }
  }

  @Test
  void should_sum_weighted_value_rows_with_the_same_bits_as_the_scalar_loop() {
    Random random = new Random(11);
    for (int width : new int[] {32, 16, 20, 5}) {
      int length = 37;
      int stride = 128;
      float[] p = values(random, length, false);
      float[] values = values(random, length * stride, false);
      float[] expected = new float[64];
      float[] actual = new float[64];

      RowKernels.weightedSumScalar(p, length, values, stride, 32, width, expected, 8);
      RowKernels.weightedSum(p, length, values, stride, 32, width, actual, 8);

      assertThat(bits(actual)).as("width %d", width).containsExactly(bits(expected));
    }
  }

  @Test
  void should_cut_a_batch_into_halves_of_whole_groups_of_four() {
    assertThat(JavaTransformer.splitPoint(1)).isZero();
    assertThat(JavaTransformer.splitPoint(16)).isEqualTo(8);
    assertThat(JavaTransformer.splitPoint(12)).isEqualTo(8);
    assertThat(JavaTransformer.splitPoint(6)).isEqualTo(4);
    assertThat(JavaTransformer.splitPoint(3)).isEqualTo(2);
    assertThat(JavaTransformer.splitPoint(2)).isEqualTo(1);
  }
}
