package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/** Defocus, glass, motion and zoom blur with the CIFAR script's parameters. */
final class BlurOps {
  private static final int S = Planes.SIDE;
  private static final double[][] DEFOCUS = {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}};
  private static final double[][][] DISKS = new double[5][][];
  /** sigma, max_delta, iterations. */
  private static final double[][] GLASS = {{0.05, 1, 1}, {0.25, 1, 1}, {0.4, 1, 1}, {0.25, 1, 2}, {0.4, 1, 2}};
  private static final double[][] MOTION = {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}};
  private static final double[] ZOOM_STOP = {1.06, 1.11, 1.16, 1.21, 1.26};
  private static final Zoom[][] ZOOMS = new Zoom[5][];

  static {
    for (int s = 0; s < 5; s++) {
      DISKS[s] = Disk.kernel(DEFOCUS[s][0], DEFOCUS[s][1]);
      double[] factors = Zoom.arange(1, ZOOM_STOP[s], 0.01);
      ZOOMS[s] = new Zoom[factors.length];
      for (int i = 0; i < factors.length; i++) {
        ZOOMS[s][i] = new Zoom(factors[i]);
      }
    }
  }

  private BlurOps() {}

  /** Number of zoom factors averaged at a severity (7, 12, 16, 21, 26: numpy's arange overshoots by one at most). */
  static int zoomFactorCount(int severity) {
    return ZOOMS[severity - 1].length;
  }

  static void defocus(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[][] kernel = DISKS[severity - 1];
    for (int ch = 0; ch < 3; ch++) {
      x.c[ch] = Filters.correlate(x.c[ch], kernel);
    }
    x.writeUnit(out, off);
  }

  /**
   * Blur, truncate to uint8, move pixels, blur again. The reference's "swap" {@code x[h,w], x[h',w'] = x[h',w'],
   * x[h,w]} assigns numpy views, so it is in effect a one-way copy of {@code x[h',w']} into {@code x[h,w]}; kept.
   * {@code randint(-1, 1)} yields −1 or 0 only; also kept.
   */
  static void glass(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = GLASS[severity - 1];
    int delta = (int) c[1];
    Filters.gaussian(x, c[0]);
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] = (int) (plane[i] * 255) / 255.0;
      }
    }
    for (int it = 0; it < (int) c[2]; it++) {
      for (int h = S - delta; h > delta; h--) {
        for (int w = S - delta; w > delta; w--) {
          int dx = rng.nextInt(-delta, delta);
          int dy = rng.nextInt(-delta, delta);
          int from = (h + dy) * S + (w + dx);
          for (double[] plane : x.c) {
            plane[h * S + w] = plane[from];
          }
        }
      }
    }
    Filters.gaussian(x, c[0]);
    x.writeUnit(out, off);
  }

  /** Works on 0..255 values: the reference hands a PNG of the uint8 image to ImageMagick. */
  static void motion(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = MOTION[severity - 1];
    double angle = -45 + 90 * rng.nextDouble();
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] *= 255;
      }
    }
    MotionBlur.apply(x.c, c[0], c[1], angle);
    x.writeRaw(out, off);
  }

  static void zoom(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    Zoom[] zooms = ZOOMS[severity - 1];
    double[] tmp = new double[S * S];
    double[] zoomed = new double[S * S];
    for (double[] plane : x.c) {
      double[] acc = plane.clone();
      for (Zoom z : zooms) {
        z.apply(plane, zoomed, tmp);
        for (int i = 0; i < acc.length; i++) {
          acc[i] += zoomed[i];
        }
      }
      for (int i = 0; i < acc.length; i++) {
        plane[i] = acc[i] / (zooms.length + 1);
      }
    }
    x.writeUnit(out, off);
  }
}
