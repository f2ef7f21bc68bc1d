package org.entropyharness.metric;

/**
 * Entropy kernels over one row of logits (the scores before softmax), in nats. Each works from the row's maximum
 * (log-sum-exp), so no exponential overflows, and allocates nothing: two passes over the row, one for the maximum and
 * one that sums exp(z − max) with the moments the quantity needs.
 *
 * <p>The exponential is {@link #expNonPositive}, a polynomial with relative error below 3e-7 on the whole
 * non-positive range, because {@link Math#exp} is the bottleneck of a 151,936-entry row (about 3x slower); entropies
 * agree with a {@code Math.exp} computation to about 1e-6 relative.
 */
public final class Entropy {
  private static final float LOG2E = 1.4426950408889634f;
  // ln 2 split in two (Cody and Waite): n·LN2_HI is exact in float for |n| < 256, so the remainder keeps its digits.
  private static final float LN2_HI = 0.693145751953125f;
  private static final float LN2_LO = 1.428606765330187e-6f;

  /**
   * True when the JVM was started with {@code --add-modules=jdk.incubator.vector}: {@link #shannon} then runs on
   * SIMD lanes ({@code VectorEntropy}), and so do {@link #renyi} and {@link #varentropy}. {@code
   * -Dentropyharness.scalar=true} forces the scalar loops.
   */
  public static final boolean VECTORISED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("entropyharness.scalar");

  private Entropy() {}

  /** Shannon entropy H = −Σ p log p of softmax(logits). */
  public static double shannon(float[] logits) {
    if (VECTORISED && logits.length > 0) {
      return VectorEntropy.shannon(logits);
    }
    return scalarShannon(logits);
  }

  /** The portable Shannon kernel; {@link #shannon} uses it when the Vector API is not available. */
  public static double scalarShannon(float[] logits) {
    float max = max(logits);
    double s0 = 0;
    double s1 = 0;
    float a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    int n = logits.length;
    int i = 0;
    // Four independent accumulators keep the adds from serialising; flushed to doubles every 4096 entries.
    for (; i + 3 < n; i += 4) {
      float d0 = logits[i] - max, d1 = logits[i + 1] - max, d2 = logits[i + 2] - max, d3 = logits[i + 3] - max;
      float e0 = expNonPositive(d0), e1 = expNonPositive(d1), e2 = expNonPositive(d2), e3 = expNonPositive(d3);
      a0 += e0; a1 += e1; a2 += e2; a3 += e3;
      b0 += e0 * d0; b1 += e1 * d1; b2 += e2 * d2; b3 += e3 * d3;
      if ((i & 4095) == 4092) {
        s0 += (a0 + a1) + (a2 + a3);
        s1 += (b0 + b1) + (b2 + b3);
        a0 = a1 = a2 = a3 = b0 = b1 = b2 = b3 = 0;
      }
    }
    s0 += (a0 + a1) + (a2 + a3);
    s1 += (b0 + b1) + (b2 + b3);
    for (; i < n; i++) {
      float d = logits[i] - max;
      float e = expNonPositive(d);
      s0 += e;
      s1 += e * d;
    }
    // H = log Σe − Σ e·d / Σe with d = z − max.
    return Math.log(s0) - s1 / s0;
  }

  /**
   * Rényi entropy H_α = log(Σ p^α) / (1 − α) for α in (0, 1) ∪ (1, ∞); α = +∞ gives the min-entropy −log max p,
   * and α = 1 gives the Shannon entropy, its limit.
   */
  public static double renyi(float[] logits, double alpha) {
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("Renyi alpha must be > 0: " + alpha);
    }
    if (alpha == 1) {
      return shannon(logits);
    }
    if (VECTORISED && logits.length > 0) {
      return alpha == Double.POSITIVE_INFINITY
          ? VectorEntropy.minEntropy(logits)
          : VectorEntropy.renyi(logits, (float) alpha);
    }
    return scalarRenyi(logits, alpha);
  }

  static double scalarRenyi(float[] logits, double alpha) {
    float max = max(logits);
    double z = 0;
    double za = 0;
    float a = (float) alpha;
    for (float logit : logits) {
      float d = logit - max;
      z += expNonPositive(d);
      if (alpha != Double.POSITIVE_INFINITY) {
        za += expNonPositive(a * d);
      }
    }
    if (alpha == Double.POSITIVE_INFINITY) {
      return Math.log(z);
    }
    // log Σ p^α = log Σ exp(α d) − α log Σ exp(d).
    return (Math.log(za) - alpha * Math.log(z)) / (1 - alpha);
  }

  /** Varentropy, the variance of −log p under p: Σ p (log p)² − H². */
  public static double varentropy(float[] logits) {
    if (VECTORISED && logits.length > 0) {
      return VectorEntropy.varentropy(logits);
    }
    return scalarVarentropy(logits);
  }

  static double scalarVarentropy(float[] logits) {
    float max = max(logits);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (float logit : logits) {
      float d = logit - max;
      float e = expNonPositive(d);
      s0 += e;
      s1 += e * d;
      s2 += e * d * d;
    }
    // −log p = log Σe − d, so its variance is the variance of d under p.
    double mean = s1 / s0;
    return Math.max(0, s2 / s0 - mean * mean);
  }

  /**
   * Entropy from the top-k log-probabilities a backend returns, renormalised over those k: the estimate the harness
   * records (provenance {@code top-k}). It underestimates the full entropy when the tail holds mass.
   */
  public static double fromTopKRenormalised(float[] logprobs) {
    return scalarShannon(logprobs);
  }

  /**
   * Entropy from the top-k log-probabilities with the missing mass 1 − Σ p_i kept as one extra outcome; closer to
   * the full entropy than renormalising when the tail is spread thin, still a lower bound. Not the default.
   */
  public static double fromTopKWithResidual(float[] logprobs) {
    double mass = 0;
    double h = 0;
    for (float lp : logprobs) {
      double p = Math.exp(lp);
      mass += p;
      h -= p * lp;
    }
    double residual = 1 - mass;
    return residual > 1e-12 ? h - residual * Math.log(residual) : h;
  }

  static float max(float[] xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("empty logits row");
    }
    float m = Float.NEGATIVE_INFINITY;
    for (float x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * exp(x) for x ≤ 0: x = n·ln2 + r with n an integer and |r| ≤ ln2/2; exp(r) comes from its degree-6 Taylor
   * polynomial (relative error below 3e-7 with rounding), and 2^n is added into the exponent bits. Inputs
   * below −87 are clamped there, where the result is already below 1e-37.
   */
  static float expNonPositive(float x) {
    float y = Math.max(x, -87f);
    float n = (float) Math.floor(y * LOG2E + 0.5f);
    float r = (y - n * LN2_HI) - n * LN2_LO;
    float p = 1f + r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720))))));
    return Float.intBitsToFloat(Float.floatToRawIntBits(p) + ((int) n << 23));
  }
}
