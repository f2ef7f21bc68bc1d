package org.entropyharness.data.corrupt;

/**
 * The reference's {@code clipped_zoom}: crop the centre {@code ceil(32 / z)} square, enlarge it with scipy's
 * {@code zoom(order=1)} to {@code round(ch · z)} (corner-aligned: output {@code o} samples input
 * {@code o · (ch − 1) / (out − 1)}), keep the centre 32×32. Planned once per factor; applied separably.
 */
final class Zoom {
  private static final int S = Planes.SIDE;

  private final int top;
  private final int[] lo = new int[S];
  private final int[] hi = new int[S];
  private final double[] frac = new double[S];

  Zoom(double factor) {
    int crop = (int) Math.ceil(S / factor);
    top = (S - crop) / 2;
    int outSize = (int) Math.rint(crop * factor);
    int trim = (outSize - S) / 2;
    double ratio = outSize > 1 ? (crop - 1.0) / (outSize - 1.0) : 0.0;
    for (int o = 0; o < S; o++) {
      double coord = (o + trim) * ratio;
      int i0 = Math.min((int) Math.floor(coord), crop - 1);
      lo[o] = top + i0;
      hi[o] = top + Math.min(i0 + 1, crop - 1);
      frac[o] = coord - i0;
    }
  }

  /** Zoomed copy of one 32×32 plane into {@code dst}; {@code tmp} is 32×32 scratch. */
  void apply(double[] src, double[] dst, double[] tmp) {
    for (int y = top; y < S - top && y < S; y++) {
      for (int x = 0; x < S; x++) {
        tmp[y * S + x] = src[y * S + lo[x]] * (1 - frac[x]) + src[y * S + hi[x]] * frac[x];
      }
    }
    for (int y = 0; y < S; y++) {
      int a = lo[y] * S;
      int b = hi[y] * S;
      double f = frac[y];
      for (int x = 0; x < S; x++) {
        dst[y * S + x] = tmp[a + x] * (1 - f) + tmp[b + x] * f;
      }
    }
  }

  /**
   * numpy's {@code arange(1, stop, 0.01)} reproduced to the bit: its length is {@code ceil((stop − 1) / 0.01)} and its
   * values {@code 1 + i · (1.01 − 1)}, which is why the CIFAR tables hold 7, 12, 16, 21 and 26 factors, not 6..26.
   */
  static double[] arange(double start, double stop, double step) {
    int n = (int) Math.ceil((stop - start) / step);
    double delta = (start + step) - start;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = start + i * delta;
    }
    return v;
  }
}
