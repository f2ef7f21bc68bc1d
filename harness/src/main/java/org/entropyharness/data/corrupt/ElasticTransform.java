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
    Bilinear warp = warpSamples(affine(moved, ANCHORS));
    double[] dx = field(rng, c[0], c[1]);
    double[] dy = field(rng, c[0], c[1]);
    Bilinear displace = new Bilinear();
    for (int i = 0; i < S * S; i++) {
      displace.set(i, i / S + dy[i], i % S + dx[i], Filters.Border.REFLECT);
    }
    for (int ch = 0; ch < 3; ch++) {
      x.c[ch] = displace.apply(warp.apply(x.c[ch]));
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
  private static Bilinear warpSamples(double[] m) {
    Bilinear b = new Bilinear();
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double sx = Math.round((m[0] * x + m[1] * y + m[2]) * 32) / 32.0;
        double sy = Math.round((m[3] * x + m[4] * y + m[5]) * 32) / 32.0;
        b.set(y * S + x, sy, sx, Filters.Border.REFLECT_101);
      }
    }
    return b;
  }

  /** Per output pixel, the four source indices and weights of a bilinear sample; shared by the three channels. */
  private static final class Bilinear {
    private final int[] idx = new int[4 * S * S];
    private final double[] w = new double[4 * S * S];

    void set(int i, double y, double x, Filters.Border border) {
      int y0 = (int) Math.floor(y);
      int x0 = (int) Math.floor(x);
      double fy = y - y0;
      double fx = x - x0;
      int r0 = border.index(y0, S) * S;
      int r1 = border.index(y0 + 1, S) * S;
      int c0 = border.index(x0, S);
      int c1 = border.index(x0 + 1, S);
      idx[4 * i] = r0 + c0;
      idx[4 * i + 1] = r0 + c1;
      idx[4 * i + 2] = r1 + c0;
      idx[4 * i + 3] = r1 + c1;
      w[4 * i] = (1 - fx) * (1 - fy);
      w[4 * i + 1] = fx * (1 - fy);
      w[4 * i + 2] = (1 - fx) * fy;
      w[4 * i + 3] = fx * fy;
    }

    double[] apply(double[] src) {
      double[] out = new double[S * S];
      for (int i = 0; i < out.length; i++) {
        int k = 4 * i;
        out[i] = src[idx[k]] * w[k] + src[idx[k + 1]] * w[k + 1] + src[idx[k + 2]] * w[k + 2] + src[idx[k + 3]] * w[k + 3];
      }
      return out;
    }
  }
}
