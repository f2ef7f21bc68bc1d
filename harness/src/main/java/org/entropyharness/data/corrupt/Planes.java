package org.entropyharness.data.corrupt;

/**
 * A 32×32 RGB image as three planes of doubles (one per channel, row-major), in the scale the caller chose (most
 * corruptions work in [0, 1] like the reference's {@code x / 255.}). Mutable scratch; never shared between threads.
 */
final class Planes {
  static final int SIDE = 32;
  static final int AREA = SIDE * SIDE;

  final double[][] c = new double[3][AREA];

  /** The image at {@code offset} of an NHWC uint8 array, divided by {@code scale} (255 for [0, 1], 1 for raw). */
  static Planes of(byte[] hwc, int offset, double scale) {
    Planes p = new Planes();
    for (int i = 0; i < AREA; i++) {
      for (int ch = 0; ch < 3; ch++) {
        p.c[ch][i] = (hwc[offset + 3 * i + ch] & 0xff) / scale;
      }
    }
    return p;
  }

  Planes copy() {
    Planes p = new Planes();
    for (int ch = 0; ch < 3; ch++) {
      System.arraycopy(c[ch], 0, p.c[ch], 0, AREA);
    }
    return p;
  }

  /**
   * Writes {@code clip(x, 0, 1) * 255} truncated towards zero, as the reference's {@code np.uint8(...)} cast does (it
   * truncates, it does not round).
   */
  void writeUnit(byte[] out, int offset) {
    for (int i = 0; i < AREA; i++) {
      for (int ch = 0; ch < 3; ch++) {
        out[offset + 3 * i + ch] = (byte) (int) (Math.min(1.0, Math.max(0.0, c[ch][i])) * 255);
      }
    }
  }

  /** Writes {@code clip(x, 0, 255)} truncated: for corruptions that work in the 0..255 scale. */
  void writeRaw(byte[] out, int offset) {
    for (int i = 0; i < AREA; i++) {
      for (int ch = 0; ch < 3; ch++) {
        out[offset + 3 * i + ch] = (byte) (int) Math.min(255.0, Math.max(0.0, c[ch][i]));
      }
    }
  }
}
