package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/**
 * The CIFAR script's {@code elastic_transform}: a random affine warp of three anchor points (OpenCV's bilinear
 * {@code warpAffine}, 1/32-pixel coordinate steps, BORDER_REFLECT_101), then a displacement field of smoothed uniform
 * noise sampled bilinearly with scipy's 'reflect' border.
 */
final class ElasticTransform {
  private static final int S = Planes.SIDE;
  /** alpha, sigma, affine jitter: the table's multiples of the image size 32. */
  private static final double[][] PARAMS = {
    {S * 0.0, S * 0.0, S * 0.08},
    {S * 0.05, S * 0.2, S * 0.07},
    {S * 0.08, S * 0.06, S * 0.06},
    {S * 0.1, S * 0.04, S * 0.05},
    {S * 0.1, S * 0.03, S * 0.03}
  };
  private static final double[][] ANCHORS = {{26, 26}, {26, 6}, {6, 6}};

  private ElasticTransform() {}

  static void apply(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = PARAMS[severity - 1];
    double[][] moved = new double[3][2];
    for (int p = 0; p < 3; p++) {
      for (int k = 0; k < 2; k++) {
        moved[p][k] = ANCHORS[p][k] + (-c[2] + 2 * c[2] * rng.nextDouble());
      }
    }
    double[] inverse = affine(moved, ANCHORS);
    double[] dx = field(rng, c[0], c[1]);
    double[] dy = field(rng, c[0], c[1]);
    for (int ch = 0; ch < 3; ch++) {
      double[] warped = warp(x.c[ch], inverse);
      double[] plane = x.c[ch];
      for (int y = 0; y < S; y++) {
        for (int xx = 0; xx < S; xx++) {
          int i = y * S + xx;
          plane[i] = sampleReflect(warped, y + dy[i], xx + dx[i]);
        }
      }
    }
    x.writeUnit(out, off);
  }

  /** The affine map (a, b, c, d, e, f): x' = a·x + b·y + c, y' = d·x + e·y + f, taking {@code from} to {@code to}. */
  static double[] affine(double[][] from, double[][] to) {
    double x0 = from[0][0];
    double y0 = from[0][1];
    double x1 = from[1][0] - x0;
    double y1 = from[1][1] - y0;
    double x2 = from[2][0] - x0;
    double y2 = from[2][1] - y0;
    double det = x1 * y2 - x2 * y1;
    double[] m = new double[6];
    for (int k = 0; k < 2; k++) {
      double u1 = to[1][k] - to[0][k];
      double u2 = to[2][k] - to[0][k];
      double a = (u1 * y2 - u2 * y1) / det;
      double b = (x1 * u2 - x2 * u1) / det;
      m[3 * k] = a;
      m[3 * k + 1] = b;
      m[3 * k + 2] = to[0][k] - a * x0 - b * y0;
    }
    return m;
  }

  private static double[] field(SplittableRandom rng, double alpha, double sigma) {
    double[] f = new double[S * S];
    for (int i = 0; i < f.length; i++) {
      f[i] = -1 + 2 * rng.nextDouble();
    }
    Filters.separable(f, Filters.gaussianKernel(sigma, 3.0), Filters.Border.REFLECT);
    for (int i = 0; i < f.length; i++) {
      f[i] *= alpha;
    }
    return f;
  }

  /** Output pixel (x, y) samples the source at {@code inverse·(x, y, 1)}, rounded to 1/32 pixel like OpenCV. */
  private static double[] warp(double[] src, double[] m) {
    double[] out = new double[S * S];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        long sx = Math.round((m[0] * x + m[1] * y + m[2]) * 32);
        long sy = Math.round((m[3] * x + m[4] * y + m[5]) * 32);
        int x0 = (int) Math.floorDiv(sx, 32);
        int y0 = (int) Math.floorDiv(sy, 32);
        double fx = Math.floorMod(sx, 32) / 32.0;
        double fy = Math.floorMod(sy, 32) / 32.0;
        Filters.Border b = Filters.Border.REFLECT_101;
        double top = src[b.index(y0, S) * S + b.index(x0, S)] * (1 - fx) + src[b.index(y0, S) * S + b.index(x0 + 1, S)] * fx;
        double bottom =
            src[b.index(y0 + 1, S) * S + b.index(x0, S)] * (1 - fx) + src[b.index(y0 + 1, S) * S + b.index(x0 + 1, S)] * fx;
        out[y * S + x] = top * (1 - fy) + bottom * fy;
      }
    }
    return out;
  }

  private static double sampleReflect(double[] src, double y, double x) {
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(x);
    double fy = y - y0;
    double fx = x - x0;
    Filters.Border b = Filters.Border.REFLECT;
    int r0 = b.index(y0, S) * S;
    int r1 = b.index(y0 + 1, S) * S;
    int c0 = b.index(x0, S);
    int c1 = b.index(x0 + 1, S);
    return (src[r0 + c0] * (1 - fx) + src[r0 + c1] * fx) * (1 - fy) + (src[r1 + c0] * (1 - fx) + src[r1 + c1] * fx) * fy;
  }
}
