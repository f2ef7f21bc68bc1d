package org.entropyharness.data.corrupt;

/**
 * PIL's {@code Image.resize(size, BOX)} for one 8-bit channel: per output pixel, the input pixels whose centres fall
 * in its box, equal weights, coefficients in 22-bit fixed point, horizontal pass then vertical, each pass rounded to
 * 8 bits. The box test is the {@code -0.5 <= x < 0.5} of the Pillow releases of 2018, when CIFAR-10-C was made.
 */
final class BoxResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final java.util.Map<Integer, int[][]> COEFFICIENTS = new java.util.concurrent.ConcurrentHashMap<>();

  private BoxResize() {}

  static int[] resize(int[] src, int inW, int inH, int outW, int outH) {
    int[] tmp = pass(src, inH, inW, outW);
    int[] transposedOut = pass(transpose(tmp, inH, outW), outW, inH, outH);
    return transpose(transposedOut, outW, outH);
  }

  /** Resamples each of {@code rows} rows of length {@code inSize} to {@code outSize}. */
  private static int[] pass(int[] src, int rows, int inSize, int outSize) {
    int[][] k = COEFFICIENTS.computeIfAbsent(inSize << 16 | outSize, key -> coefficients(inSize, outSize));
    int[] min = COEFFICIENTS.computeIfAbsent(-(inSize << 16 | outSize), key -> new int[][] {bounds(inSize, outSize)})[0];
    int[] out = new int[rows * outSize];
    for (int r = 0; r < rows; r++) {
      for (int x = 0; x < outSize; x++) {
        long acc = 1L << (PRECISION_BITS - 1);
        for (int i = 0; i < k[x].length; i++) {
          acc += (long) src[r * inSize + min[x] + i] * k[x][i];
        }
        out[r * outSize + x] = (int) Math.min(255, Math.max(0, acc >> PRECISION_BITS));
      }
    }
    return out;
  }

  private static int[] transpose(int[] a, int rows, int cols) {
    int[] t = new int[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  private static double center(int xx, double scale) {
    return (xx + 0.5) * scale;
  }

  private static int[] bounds(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double support = 0.5 * Math.max(scale, 1.0);
    int[] min = new int[outSize];
    for (int xx = 0; xx < outSize; xx++) {
      min[xx] = Math.max((int) (center(xx, scale) - support + 0.5), 0);
    }
    return min;
  }

  private static int[][] coefficients(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = 0.5 * filterScale;
    int[] min = bounds(inSize, outSize);
    int[][] k = new int[outSize][];
    for (int xx = 0; xx < outSize; xx++) {
      double center = center(xx, scale);
      int max = Math.min((int) (center + support + 0.5), inSize) - min[xx];
      double[] w = new double[max];
      double sum = 0;
      for (int x = 0; x < max; x++) {
        double arg = (x + min[xx] - center + 0.5) / filterScale;
        w[x] = arg >= -0.5 && arg < 0.5 ? 1.0 : 0.0;
        sum += w[x];
      }
      k[xx] = new int[max];
      for (int x = 0; x < max; x++) {
        k[xx][x] = (int) (0.5 + (sum != 0 ? w[x] / sum : 0) * (1 << PRECISION_BITS));
      }
    }
    return k;
  }
}
