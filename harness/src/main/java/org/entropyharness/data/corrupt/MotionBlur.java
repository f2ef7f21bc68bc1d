package org.entropyharness.data.corrupt;

/**
 * ImageMagick's {@code MotionBlurImage(radius, sigma, angle)}: a one-sided half-Gaussian of {@code 2·ceil(radius)+1}
 * taps laid along the angle at rounded integer offsets, edge pixels repeated outside the image, the result rounded to
 * 8 bits as ImageMagick does when it writes the PNG the reference decodes.
 */
final class MotionBlur {
  private static final int S = Planes.SIDE;

  private MotionBlur() {}

  /** Blurs each plane (values 0..255) in place, rounding to integers. */
  static void apply(double[][] planes, double radius, double sigma, double angleDegrees) {
    int width = (int) (2 * Math.ceil(radius) + 1);
    double[] k = new double[width];
    double norm = 0;
    for (int i = 0; i < width; i++) {
      k[i] = Math.exp(-((double) i * i) / (2 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
      norm += k[i];
    }
    double px = width * Math.sin(Math.toRadians(angleDegrees));
    double py = width * Math.cos(Math.toRadians(angleDegrees));
    double h = Math.hypot(px, py);
    int[] ox = new int[width];
    int[] oy = new int[width];
    for (int i = 0; i < width; i++) {
      k[i] /= norm;
      ox[i] = (int) Math.ceil(i * py / h - 0.5);
      oy[i] = (int) Math.ceil(i * px / h - 0.5);
    }
    int p = S + 2 * width;
    double[] out = new double[S * S];
    for (double[] plane : planes) {
      double[] padded = Filters.pad(plane, width, Filters.Border.NEAREST);
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          double acc = 0;
          for (int i = 0; i < width; i++) {
            acc += k[i] * padded[(y + width + oy[i]) * p + x + width + ox[i]];
          }
          out[y * S + x] = Math.min(255.0, Math.max(0.0, Math.rint(acc)));
        }
      }
      System.arraycopy(out, 0, plane, 0, out.length);
    }
  }
}
