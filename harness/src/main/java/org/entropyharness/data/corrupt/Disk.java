package org.entropyharness.data.corrupt;

/**
 * The reference's {@code disk(radius, alias_blur)}: an aliased disk on the 17×17 grid −8..8, normalised, smoothed by
 * OpenCV's 3×3 {@code GaussianBlur}; cropped here to its non-zero centre so the 32×32 correlation stays cheap (the
 * cropped-away entries are exact zeros, so the result is unchanged).
 */
final class Disk {
  private static final int HALF = 8;

  private Disk() {}

  static double[][] kernel(double radius, double aliasBlur) {
    int n = 2 * HALF + 1;
    double[][] disk = new double[n][n];
    double sum = 0;
    for (int y = -HALF; y <= HALF; y++) {
      for (int x = -HALF; x <= HALF; x++) {
        if (x * x + y * y <= radius * radius) {
          disk[y + HALF][x + HALF] = 1;
          sum++;
        }
      }
    }
    double[] g = {Math.exp(-0.5 / (aliasBlur * aliasBlur)), 1, Math.exp(-0.5 / (aliasBlur * aliasBlur))};
    double gs = g[0] + g[1] + g[2];
    int r = (int) Math.ceil(radius) + 1;
    double[][] out = new double[2 * r + 1][2 * r + 1];
    for (int y = -r; y <= r; y++) {
      for (int x = -r; x <= r; x++) {
        double acc = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            acc += g[dy + 1] * g[dx + 1] * at(disk, y + dy + HALF, x + dx + HALF);
          }
        }
        out[y + r][x + r] = acc / (gs * gs * sum);
      }
    }
    return out;
  }

  private static double at(double[][] d, int y, int x) {
    return y < 0 || x < 0 || y >= d.length || x >= d.length ? 0 : d[y][x];
  }
}
