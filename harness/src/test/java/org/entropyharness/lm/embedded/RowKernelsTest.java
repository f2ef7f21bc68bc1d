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
      for (int[] nm : new int[][] {{128, 384}, {512, 128}, {128, 32}, {7, 30}, {33, 17}, {128, 80}}) {
        for (boolean zeros : new boolean[] {false, true}) {
          for (boolean zerosMultiplied : new boolean[] {false, true}) {
            float[] in = values(random, rows * nm[0], zeros);
            float[] w = values(random, nm[0] * nm[1], false);
            float[] expected = values(random, rows * nm[1], false);
            // Multiplying zeros is promised exact only for sums that do not start at −0.0.
            expected[1] = zerosMultiplied ? 0f : -0f;
            float[] actual = expected.clone();

            RowKernels.accumulateScalar(in, rows, nm[0], w, nm[1], expected);
            RowKernels.accumulate(in, rows, nm[0], w, nm[1], actual, zerosMultiplied);

            assertThat(bits(actual))
                .as("rows %d, %d × %d, zeros %s, multiplied %s", rows, nm[0], nm[1], zeros, zerosMultiplied)
                .containsExactly(bits(expected));
          }
        }
      }
    }
  }

  @Test
  void should_give_a_linear_layer_the_scalar_loops_bits_whatever_its_weights_and_biases() {
    Random random = new Random(9);
    int n = 64;
    int m = 64;
    float[] infinite = values(random, n * m, false);
    infinite[3 * m + 7] = Float.POSITIVE_INFINITY;
    float[] zeroColumn = values(random, n * m, false);
    for (int i = 0; i < n; i++) {
      zeroColumn[i * m + 5] = i % 2 == 0 ? 0f : -0f;
    }
    float[] bias = values(random, m, false);
    float[] negativeZeroBias = bias.clone();
    java.util.Arrays.fill(negativeZeroBias, 0, 8, -0f);
    for (int rows : new int[] {4, 8, 5}) {
      float[] in = values(random, rows * n, true);
      for (int b = 0; b < rows; b++) {
        in[b * n + 3] = 0f;
      }
      for (float[][] layer : new float[][][] {{infinite, bias}, {zeroColumn, negativeZeroBias}, {zeroColumn, bias}}) {
        Linear linear = Linear.of(layer[0], layer[1], n, m);
        float[] residual = new float[rows * m];
        java.util.Arrays.fill(residual, -0f);
        float[] expected = new float[rows * m];
        for (int b = 0; b < rows; b++) {
          for (int j = 0; j < m; j++) {
            expected[b * m + j] = residual[b * m + j] + layer[1][j];
          }
        }
        float[] actual = residual.clone();

        RowKernels.accumulateScalar(in, rows, n, layer[0], m, expected);
        linear.addTo(in, rows, actual);

        assertThat(bits(actual)).as("rows %d, zeros multiplied %s", rows, linear.zerosMultiplied())
            .containsExactly(bits(expected));
      }
    }
    assertThat(Linear.of(infinite, bias, n, m).zerosMultiplied()).isFalse();
    assertThat(Linear.of(zeroColumn, negativeZeroBias, n, m).zerosMultiplied()).isFalse();
    assertThat(Linear.of(zeroColumn, bias, n, m).zerosMultiplied()).isTrue();
  }

  @Test
  void should_sum_every_heads_weighted_value_rows_with_the_same_bits_as_the_scalar_loop() {
    Random random = new Random(11);
    for (int length : new int[] {1, 15, 16, 37, 128}) {
      int d = 128;
      int headDim = 32;
      int pStride = 144;
      float[] p = values(random, 4 * pStride, false);
      float[] values = values(random, length * d, false);
      float[] expected = new float[8 + d];
      float[] actual = new float[8 + d];

      RowKernels.weightedSumsScalar(p, pStride, length, values, d, headDim, expected, 8);
      RowKernels.weightedSums(p, pStride, length, values, d, headDim, actual, 8);

      assertThat(bits(actual)).as("length %d", length).containsExactly(bits(expected));
    }
  }

  @Test
  void should_score_a_query_against_transposed_keys_with_the_same_bits_as_the_scalar_loop() {
    Random random = new Random(13);
    for (int length : new int[] {1, 15, 16, 17, 33, 64, 100, 128}) {
      int stride = RowKernels.paddedLength(128);
      float[] q = values(random, 40, false);
      float[] keys = values(random, 64 * stride, false);
      float[] expected = new float[5 + stride];
      float[] actual = new float[5 + stride];

      RowKernels.scoresScalar(q, 3, keys, stride, 32, 32, length, 0.17677669f, expected, 5);
      RowKernels.scores(q, 3, keys, stride, 32, 32, length, 0.17677669f, actual, 5);

      assertThat(bits(java.util.Arrays.copyOf(actual, 5 + length))).as("length %d", length)
          .containsExactly(bits(java.util.Arrays.copyOf(expected, 5 + length)));
    }
  }

  @Test
  void should_cut_a_batch_into_halves_of_whole_groups_of_four() {
    assertThat(SecondCore.splitPoint(1)).isZero();
    assertThat(SecondCore.splitPoint(16)).isEqualTo(8);
    assertThat(SecondCore.splitPoint(12)).isEqualTo(8);
    assertThat(SecondCore.splitPoint(6)).isEqualTo(4);
    assertThat(SecondCore.splitPoint(3)).isEqualTo(2);
    assertThat(SecondCore.splitPoint(2)).isEqualTo(1);
  }
}
