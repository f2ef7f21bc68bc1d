package org.entropyharness.data.stream;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014) with the draws a stream needs: uniform doubles, standard
 * normals (Marsaglia's polar method), gamma variates (Marsaglia and Tsang 2000, in log space so tiny shapes do not
 * underflow) and Fisher–Yates shuffles. Every step is plain IEEE arithmetic plus {@code log}, {@code sqrt} and
 * {@code exp} ({@link StrictMath}), so {@code benchmarks/python/dirichlet_stream_reference.py} reproduces each draw.
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [0, 1) from the top 53 bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform integer in [0, bound), as {@code floor(nextDouble() · bound)}. */
  public int nextInt(int bound) {
    return (int) (nextDouble() * bound);
  }

  /** A standard normal by Marsaglia's polar method (the second value of each pair is discarded). */
  public double nextGaussian() {
    while (true) {
      double u = 2 * nextDouble() - 1;
      double v = 2 * nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      }
    }
  }

  /**
   * The logarithm of a Gamma(shape, 1) variate: Marsaglia–Tsang for shape ≥ 1; for shape &lt; 1 the boost
   * {@code log G(shape + 1) + log(U) / shape}.
   */
  public double nextLogGamma(double shape) {
    if (shape < 1) {
      double boosted = nextLogGamma(shape + 1);
      double u = nextDouble();
      while (u == 0) {
        u = nextDouble();
      }
      return boosted + StrictMath.log(u) / shape;
    }
    double d = shape - 1.0 / 3;
    double c = 1 / StrictMath.sqrt(9 * d);
    while (true) {
      double x = nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = nextDouble();
      if (u > 0 && StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return StrictMath.log(d) + StrictMath.log(v);
      }
    }
  }

  /** A Dirichlet(α, …, α) draw of {@code k} proportions, normalised from log-gamma variates (sequential sums). */
  public double[] nextDirichlet(double alpha, int k) {
    double[] logs = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      logs[i] = nextLogGamma(alpha);
      max = Math.max(max, logs[i]);
    }
    double sum = 0;
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      out[i] = StrictMath.exp(logs[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < k; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** Shuffles {@code values} in place: Fisher–Yates from the end, {@code j = nextInt(i + 1)}. */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
