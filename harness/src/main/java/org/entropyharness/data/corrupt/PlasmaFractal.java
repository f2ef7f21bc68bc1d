package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/**
 * The reference's diamond-square height map ({@code plasma_fractal}): square side a power of two, wrapping at the
 * edges as its {@code np.roll} calls do, scaled to [0, 1]. Seeded through the caller's generator.
 */
final class PlasmaFractal {
  private PlasmaFractal() {}

  /** A {@code size × size} map, row-major, values in [0, 1]. */
  static double[] generate(int size, double wibbleDecay, SplittableRandom rng) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("plasma fractal size must be a power of two: " + size);
    }
    double[] map = new double[size * size];
    double wibble = 100;
    for (int step = size; step >= 2; step /= 2) {
      fillSquares(map, size, step, wibble, rng);
      fillDiamonds(map, size, step, wibble, rng);
      wibble /= wibbleDecay;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : map) {
      min = Math.min(min, v);
    }
    for (int i = 0; i < map.length; i++) {
      map[i] -= min;
      max = Math.max(max, map[i]);
    }
    for (int i = 0; i < map.length; i++) {
      map[i] /= max;
    }
    return map;
  }

  private static double wibbled(double sum, double wibble, SplittableRandom rng) {
    return sum / 4 + wibble * (-wibble + 2 * wibble * rng.nextDouble());
  }

  /** Centre of each square: mean of its four corners plus noise. */
  private static void fillSquares(double[] map, int size, int step, double wibble, SplittableRandom rng) {
    int m = size / step;
    int half = step / 2;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        int i1 = (i + 1) % m;
        int j1 = (j + 1) % m;
        double sum = corner(map, size, step, i, j) + corner(map, size, step, i1, j)
            + corner(map, size, step, i, j1) + corner(map, size, step, i1, j1);
        map[(i * step + half) * size + j * step + half] = wibbled(sum, wibble, rng);
      }
    }
  }

  /** Edge midpoints: two neighbouring centres and two corners, plus noise. */
  private static void fillDiamonds(double[] map, int size, int step, double wibble, SplittableRandom rng) {
    int m = size / step;
    int half = step / 2;
    double[] left = new double[m * m];
    double[] top = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double dr = centre(map, size, step, i, j);
        double ul = corner(map, size, step, i, j);
        left[i * m + j] = dr + centre(map, size, step, (i - 1 + m) % m, j) + ul + corner(map, size, step, i, (j + 1) % m);
        top[i * m + j] = dr + centre(map, size, step, i, (j - 1 + m) % m) + ul + corner(map, size, step, (i + 1) % m, j);
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        map[(i * step) * size + j * step + half] = wibbled(left[i * m + j], wibble, rng);
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        map[(i * step + half) * size + j * step] = wibbled(top[i * m + j], wibble, rng);
      }
    }
  }

  private static double corner(double[] map, int size, int step, int i, int j) {
    return map[(i * step) * size + j * step];
  }

  private static double centre(double[] map, int size, int step, int i, int j) {
    int half = step / 2;
    return map[(i * step + half) * size + j * step + half];
  }
}
