package org.entropyharness.data.corrupt;

/** Separable Gaussian filtering and 2-D correlation on one 32×32 plane, with the border rules of scipy and OpenCV. */
final class Filters {
  static final int S = Planes.SIDE;

  /** How an index outside 0..n-1 maps inside. */
  enum Border {
    /** scipy 'nearest' (skimage's default): a a a | a b c d | d d d. */
    NEAREST,
    /** scipy 'reflect': d c b a | a b c d | d c b a. */
    REFLECT,
    /** OpenCV's default BORDER_REFLECT_101: d c b | a b c d | c b a. */
    REFLECT_101;

    int index(int i, int n) {
      if (i >= 0 && i < n) {
        return i;
      }
      return switch (this) {
        case NEAREST -> i < 0 ? 0 : n - 1;
        case REFLECT -> reflect(i, 2 * n, n, -1);
        case REFLECT_101 -> n == 1 ? 0 : reflect(i, 2 * n - 2, n, 0);
      };
    }

    private static int reflect(int i, int period, int n, int shift) {
      int m = Math.floorMod(i, period);
      return m < n ? m : period - m + shift;
    }
  }

  private Filters() {}

  /** scipy's Gaussian weights: radius {@code int(truncate·σ + 0.5)}, normalised; {@code {1}} for σ ≈ 0. */
  static double[] gaussianKernel(double sigma, double truncate) {
    int radius = (int) (truncate * sigma + 0.5);
    if (sigma <= 1e-15 || radius == 0) {
      return new double[] {1.0};
    }
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }

  /** Filters {@code plane} in place along rows then columns with a symmetric odd-length kernel. */
  static void separable(double[] plane, double[] kernel, Border border) {
    if (kernel.length == 1) {
      return;
    }
    int r = kernel.length / 2;
    double[] line = new double[S + 2 * r];
    double[] tmp = new double[S * S];
    for (int y = 0; y < S; y++) {
      for (int i = -r; i < S + r; i++) {
        line[i + r] = plane[y * S + border.index(i, S)];
      }
      convolveLine(line, kernel, tmp, y * S, 1);
    }
    for (int x = 0; x < S; x++) {
      for (int i = -r; i < S + r; i++) {
        line[i + r] = tmp[border.index(i, S) * S + x];
      }
      convolveLine(line, kernel, plane, x, S);
    }
  }

  private static void convolveLine(double[] line, double[] kernel, double[] out, int start, int stride) {
    for (int x = 0; x < S; x++) {
      double acc = 0;
      for (int k = 0; k < kernel.length; k++) {
        acc += kernel[k] * line[x + k];
      }
      out[start + x * stride] = acc;
    }
  }

  /** The plane surrounded by {@code r} border pixels on each side, {@code (32 + 2r)²} values row-major. */
  static double[] pad(double[] plane, int r, Border border) {
    int p = S + 2 * r;
    double[] out = new double[p * p];
    for (int y = -r; y < S + r; y++) {
      int row = border.index(y, S) * S;
      for (int x = -r; x < S + r; x++) {
        out[(y + r) * p + x + r] = plane[row + border.index(x, S)];
      }
    }
    return out;
  }

  /** Gaussian filter of every channel, skimage's {@code gaussian(x, sigma, multichannel=True)} (mode nearest). */
  static void gaussian(Planes p, double sigma) {
    double[] k = gaussianKernel(sigma, 4.0);
    for (double[] plane : p.c) {
      separable(plane, k, Border.NEAREST);
    }
  }

  /** 2-D correlation with a centred odd square kernel, OpenCV's {@code filter2D} with BORDER_REFLECT_101. */
  static double[] correlate(double[] plane, double[][] kernel) {
    int r = kernel.length / 2;
    int p = S + 2 * r;
    double[] padded = pad(plane, r, Border.REFLECT_101);
    double[] out = new double[S * S];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double acc = 0;
        for (int dy = 0; dy < kernel.length; dy++) {
          double[] k = kernel[dy];
          int row = (y + dy) * p + x;
          for (int dx = 0; dx < k.length; dx++) {
            acc += k[dx] * padded[row + dx];
          }
        }
        out[y * S + x] = acc;
      }
    }
    return out;
  }
}
