package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/** Gaussian, shot (Poisson) and impulse (salt-and-pepper) noise with the CIFAR script's parameters. */
final class NoiseOps {
  static final double[] GAUSSIAN_SD = {0.04, 0.06, 0.08, 0.09, 0.10};
  static final double[] SHOT_PHOTONS = {500, 250, 100, 75, 50};
  static final double[] IMPULSE_AMOUNT = {0.01, 0.02, 0.03, 0.05, 0.07};

  /** One sampler per (severity, pixel value): the input is always {@code v / 255}, so the means repeat. */
  private static final Poisson[][] SHOT = new Poisson[5][256];

  static {
    for (int s = 0; s < 5; s++) {
      for (int v = 0; v < 256; v++) {
        SHOT[s][v] = new Poisson(v / 255.0 * SHOT_PHOTONS[s]);
      }
    }
  }

  private NoiseOps() {}

  static void gaussian(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double sd = GAUSSIAN_SD[severity - 1];
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] += rng.nextGaussian() * sd;
      }
    }
    x.writeUnit(out, off);
  }

  static void shot(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double photons = SHOT_PHOTONS[severity - 1];
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        int v = (int) Math.rint(plane[i] * 255);
        plane[i] = SHOT[severity - 1][v].sample(rng) / photons;
      }
    }
    x.writeUnit(out, off);
  }

  /** Each channel value independently flips with probability {@code amount}, to 1 or 0 with equal odds. */
  static void impulse(Planes x, int severity, SplittableRandom rng, byte[] out, int off) {
    double amount = IMPULSE_AMOUNT[severity - 1];
    for (double[] plane : x.c) {
      for (int i = 0; i < plane.length; i++) {
        if (rng.nextDouble() < amount) {
          plane[i] = rng.nextBoolean() ? 1.0 : 0.0;
        }
      }
    }
    x.writeUnit(out, off);
  }
}
