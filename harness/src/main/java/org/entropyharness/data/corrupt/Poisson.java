package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/**
 * Poisson variates of one mean: multiplication method below a mean of 10, Hörmann's PTRS (transformed rejection with
 * squeeze, the method numpy uses) above, constants computed once so a 32×32×3 image costs microseconds.
 */
final class Poisson {
  private static final double[] LOG_FACTORIAL = new double[256];

  static {
    for (int k = 1; k < LOG_FACTORIAL.length; k++) {
      LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }
  }

  private final double mean;
  private final double limit;
  private final double logMean;
  private final double b;
  private final double a;
  private final double logInvAlpha;
  private final double vr;

  Poisson(double mean) {
    this.mean = mean;
    this.limit = Math.exp(-mean);
    this.logMean = Math.log(mean);
    this.b = 0.931 + 2.53 * Math.sqrt(mean);
    this.a = -0.059 + 0.02483 * b;
    this.logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    this.vr = 0.9277 - 3.6224 / (b - 2);
  }

  int sample(SplittableRandom rng) {
    if (mean <= 0) {
      return 0;
    }
    return mean < 10 ? multiplication(rng) : ptrs(rng);
  }

  private int multiplication(SplittableRandom rng) {
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      k++;
      product *= rng.nextDouble();
    }
    return k;
  }

  private int ptrs(SplittableRandom rng) {
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
        return (int) k;
      }
    }
  }

  /** log(k!), exact sums below 256, Stirling's series above (error below 1e-10 there). */
  static double logFactorial(long k) {
    if (k < LOG_FACTORIAL.length) {
      return LOG_FACTORIAL[(int) k];
    }
    double n = k + 1.0;
    return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n * n * n);
  }
}
