package org.entropyharness.method.tta;

/** torchvision's {@code adjust_hue} on float RGB planes: to HSV, hue shifted modulo 1, back to RGB. */
final class Hue {
  private Hue() {}

  static void shift(float[] x, int n, int plane, double by) {
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < plane; p++) {
        int r = (i * 3) * plane + p;
        int g = r + plane;
        int b = g + plane;
        double max = Math.max(x[r], Math.max(x[g], x[b]));
        double min = Math.min(x[r], Math.min(x[g], x[b]));
        double chroma = max - min;
        double h = 0;
        if (chroma > 0) {
          if (max == x[r]) {
            h = ((x[g] - x[b]) / chroma) / 6;
          } else if (max == x[g]) {
            h = ((x[b] - x[r]) / chroma + 2) / 6;
          } else {
            h = ((x[r] - x[g]) / chroma + 4) / 6;
          }
        }
        h = ((h + by) % 1 + 1) % 1;
        double s = max == 0 ? 0 : chroma / max;
        double[] rgb = hsvToRgb(h, s, max);
        x[r] = (float) rgb[0];
        x[g] = (float) rgb[1];
        x[b] = (float) rgb[2];
      }
    }
  }

  private static double[] hsvToRgb(double h, double s, double v) {
    double six = h * 6;
    int sector = (int) Math.floor(six) % 6;
    double f = six - Math.floor(six);
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));
    return switch (sector) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }
}
