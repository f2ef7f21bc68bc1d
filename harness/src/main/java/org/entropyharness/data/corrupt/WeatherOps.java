package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/** Snow, frost and fog with the CIFAR script's parameters. */
final class WeatherOps {
  private static final int S = Planes.SIDE;
  /** loc, scale, zoom, threshold, blur radius, blur sigma, blend. */
  private static final double[][] SNOW = {
    {0.1, 0.2, 1, 0.6, 8, 3, 0.95},
    {0.1, 0.2, 1, 0.5, 10, 4, 0.9},
    {0.15, 0.3, 1.75, 0.55, 10, 4, 0.9},
    {0.25, 0.3, 2.25, 0.6, 12, 6, 0.85},
    {0.3, 0.3, 1.25, 0.65, 14, 12, 0.8}
  };
  private static final Zoom[] SNOW_ZOOM = new Zoom[5];
  private static final double[][] FROST = {{1, 0.2}, {1, 0.3}, {0.9, 0.4}, {0.85, 0.4}, {0.75, 0.45}};
  private static final double[][] FOG = {{0.2, 3}, {0.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}};

  static {
    for (int s = 0; s < 5; s++) {
      SNOW_ZOOM[s] = new Zoom(SNOW[s][2]);
    }
  }

  private WeatherOps() {}

  static void snow(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = SNOW[severity - 1];
    double[] layer = new double[S * S];
    for (int i = 0; i < layer.length; i++) {
      layer[i] = c[0] + c[1] * rng.nextGaussian();
    }
    double[] zoomed = new double[S * S];
    SNOW_ZOOM[severity - 1].apply(layer, zoomed, new double[S * S]);
    for (int i = 0; i < zoomed.length; i++) {
      double v = zoomed[i] < c[3] ? 0 : zoomed[i];
      zoomed[i] = (int) (Math.min(1, Math.max(0, v)) * 255);
    }
    double[][] snow = {zoomed};
    MotionBlur.apply(snow, c[4], c[5], -135 + 90 * rng.nextDouble());
    for (int i = 0; i < S * S; i++) {
      double r = x.c[0][i];
      double g = x.c[1][i];
      double b = x.c[2][i];
      double lifted = (0.299 * r + 0.587 * g + 0.114 * b) * 1.5 + 0.5;
      double flake = (snow[0][i] + snow[0][S * S - 1 - i]) / 255.0;
      for (int ch = 0; ch < 3; ch++) {
        double v = x.c[ch][i];
        x.c[ch][i] = c[6] * v + (1 - c[6]) * Math.max(v, lifted) + flake;
      }
    }
    x.writeUnit(out, off);
  }

  /** Works on 0..255 values, as the reference does: {@code clip(c0·x + c1·frost, 0, 255)}. */
  static void frost(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = FROST[severity - 1];
    FrostTextures.Texture t = FrostTextures.get(rng.nextInt(5));
    int top = rng.nextInt(t.height() - S);
    int left = rng.nextInt(t.width() - S);
    for (int y = 0; y < S; y++) {
      for (int xx = 0; xx < S; xx++) {
        int i = y * S + xx;
        int ti = ((top + y) * t.width() + left + xx) * 3;
        for (int ch = 0; ch < 3; ch++) {
          x.c[ch][i] = c[0] * (x.c[ch][i] * 255) + c[1] * (t.rgb()[ti + ch] & 0xff);
        }
      }
    }
    x.writeRaw(out, off);
  }

  static void fog(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double[] c = FOG[severity - 1];
    double max = 0;
    for (double[] plane : x.c) {
      for (double v : plane) {
        max = Math.max(max, v);
      }
    }
    double[] plasma = PlasmaFractal.generate(S, c[1], rng);
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] = (plane[i] + c[0] * plasma[i]) * max / (max + c[0]);
      }
    }
    x.writeUnit(out, off);
  }
}
