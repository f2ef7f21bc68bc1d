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
    double[] tmp = new double[S * S];
    int r = kernel.length / 2;
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double acc = 0;
        for (int k = -r; k <= r; k++) {
          acc += kernel[k + r] * plane[y * S + border.index(x + k, S)];
        }
        tmp[y * S + x] = acc;
      }
    }
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double acc = 0;
        for (int k = -r; k <= r; k++) {
          acc += kernel[k + r] * tmp[border.index(y + k, S) * S + x];
        }
        plane[y * S + x] = acc;
      }
    }
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
    double[] out = new double[S * S];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double acc = 0;
        for (int dy = -r; dy <= r; dy++) {
          int row = Border.REFLECT_101.index(y + dy, S) * S;
          for (int dx = -r; dx <= r; dx++) {
            acc += kernel[dy + r][dx + r] * plane[row + Border.REFLECT_101.index(x + dx, S)];
          }
        }
        out[y * S + x] = acc;
      }
    }
    return out;
  }
}
