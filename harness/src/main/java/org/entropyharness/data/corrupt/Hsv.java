package org.entropyharness.data.corrupt;

/** skimage's rgb2hsv / hsv2rgb for one pixel in [0, 1], same formulas and the same order of tie-breaks. */
final class Hsv {
  private Hsv() {}

  static void fromRgb(double r, double g, double b, double[] hsv) {
    double v = Math.max(r, Math.max(g, b));
    double delta = v - Math.min(r, Math.min(g, b));
    double h = 0;
    if (delta != 0) {
      if (b == v) {
        h = 4.0 + (r - g) / delta;
      } else if (g == v) {
        h = 2.0 + (b - r) / delta;
      } else {
        h = (g - b) / delta;
      }
      h = pyMod(h / 6.0);
    }
    hsv[0] = h;
    hsv[1] = delta == 0 ? 0 : delta / v;
    hsv[2] = v;
  }

  static void toRgb(double h, double s, double v, double[] rgb) {
    double hi = Math.floor(h * 6);
    double f = h * 6 - hi;
    double p = v * (1 - s);
    double q = v * (1 - f * s);
    double t = v * (1 - (1 - f) * s);
    switch (((int) hi) % 6) {
      case 0 -> set(rgb, v, t, p);
      case 1 -> set(rgb, q, v, p);
      case 2 -> set(rgb, p, v, t);
      case 3 -> set(rgb, p, q, v);
      case 4 -> set(rgb, t, p, v);
      default -> set(rgb, v, p, q);
    }
  }

  private static double pyMod(double a) {
    double m = a % 1.0;
    return m < 0 ? m + 1.0 : m;
  }

  private static void set(double[] rgb, double r, double g, double b) {
    rgb[0] = r;
    rgb[1] = g;
    rgb[2] = b;
  }
}
