package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/** Brightness, contrast, pixelate and JPEG with the CIFAR script's parameters. */
final class DigitalOps {
  private static final int S = Planes.SIDE;
  private static final double[] BRIGHTNESS = {0.05, 0.1, 0.15, 0.2, 0.3};
  private static final double[] CONTRAST = {0.75, 0.5, 0.4, 0.3, 0.15};
  private static final double[] PIXELATE = {0.95, 0.9, 0.85, 0.75, 0.65};
  private static final int[] JPEG_QUALITY = {80, 65, 58, 50, 40};

  private DigitalOps() {}

  /** skimage's rgb2hsv, V + c clipped to 1, hsv2rgb, pixel by pixel with its tie-breaking. */
  static void brightness(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double c = BRIGHTNESS[severity - 1];
    double[] hsv = new double[3];
    double[] rgb = new double[3];
    for (int i = 0; i < S * S; i++) {
      Hsv.fromRgb(x.c[0][i], x.c[1][i], x.c[2][i], hsv);
      Hsv.toRgb(hsv[0], hsv[1], Math.min(1, Math.max(0, hsv[2] + c)), rgb);
      for (int ch = 0; ch < 3; ch++) {
        x.c[ch][i] = rgb[ch];
      }
    }
    x.writeUnit(out, off);
  }

  /** Scales each channel's distance from that channel's mean over the image. */
  static void contrast(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double c = CONTRAST[severity - 1];
    for (double[] plane : x.c) {
      double mean = 0;
      for (double v : plane) {
        mean += v;
      }
      mean /= plane.length;
      for (int i = 0; i < plane.length; i++) {
        plane[i] = (plane[i] - mean) * c + mean;
      }
    }
    x.writeUnit(out, off);
  }

  /** PIL's BOX resize down to {@code int(32·c)} and back, in PIL's 8-bit fixed point. */
  static void pixelate(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    int small = (int) (S * PIXELATE[severity - 1]);
    int[][] img = new int[3][S * S];
    for (int ch = 0; ch < 3; ch++) {
      for (int i = 0; i < S * S; i++) {
        img[ch][i] = (int) Math.rint(x.c[ch][i] * 255);
      }
    }
    for (int ch = 0; ch < 3; ch++) {
      int[] down = BoxResize.resize(img[ch], S, S, small, small);
      img[ch] = BoxResize.resize(down, small, small, S, S);
    }
    for (int i = 0; i < S * S; i++) {
      for (int ch = 0; ch < 3; ch++) {
        out[off + 3 * i + ch] = (byte) img[ch][i];
      }
    }
  }

  /** Encodes with the JDK's JPEG writer at the reference's quality and decodes again. */
  static void jpeg(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    byte[] rgb = new byte[S * S * 3];
    for (int i = 0; i < S * S; i++) {
      for (int ch = 0; ch < 3; ch++) {
        rgb[3 * i + ch] = (byte) Math.rint(x.c[ch][i] * 255);
      }
    }
    byte[] decoded = JpegRoundTrip.apply(rgb, S, S, JPEG_QUALITY[severity - 1]);
    System.arraycopy(decoded, 0, out, off, decoded.length);
  }
}
