package org.entropyharness.metric.token;

/**
 * The pass of {@link SoftmaxEntropy} in plain Java, computing exactly what {@link VectorSoftmaxPass} computes on SIMD
 * lanes: the same {@value #LANES} float accumulators (entry i goes to lane i mod {@value #LANES}), the same fused
 * multiply-adds in the exponential, the same folds into doubles, lane by lane, every {@value #FOLD} entries, and the
 * same tail. So an entropy does not depend on whether the JVM has the Vector API, nor on the CPU's vector width.
 */
final class ScalarSoftmaxPass {
  /** Float lanes of the pass: one 512-bit vector, two 256-bit or four 128-bit ones in the SIMD pass. */
  static final int LANES = 16;
  /** Float lanes lose digits past a few thousand terms: each block of this many entries is folded into doubles. */
  static final int FOLD = 4096;
  static final float FLOOR = -87f;
  static final float LOG2E = 1.4426950408889634f;
  // ln 2 split in two (Cody and Waite): n·LN2_HI is exact in float for |n| < 256, so the remainder keeps its digits.
  static final float LN2_HI = 0.693145751953125f;
  static final float LN2_LO = 1.428606765330187e-6f;
  /** 1.5·2^23: adding it rounds a float to an integer, which then sits in the low mantissa bits. */
  static final float ROUNDER = 12582912f;
  /** The bits of {@link #ROUNDER}, a compile-time constant so the SIMD pass needs nothing of this class at run time. */
  static final int ROUNDER_BITS = 0x4B400000;

  private ScalarSoftmaxPass() {}

  /** The sums over {@code row[from, from+length)}; alpha NaN skips the power sum. */
  static SoftmaxSums sums(float[] row, int from, int length, float max, float alpha) {
    return LaneTotals.run(row, from, length, max, alpha, ScalarSoftmaxPass::addRun);
  }

  private static long addRun(
      float[] row, int at, float max, float alpha, float[] rest, float[] weighted, float[] powered) {
    long ties = 0;
    for (int lane = 0; lane < LANES; lane++) {
      float d = row[at + lane] - max;
      ties += d == 0 ? 1 : 0;
      float e = belowMax(d);
      rest[lane] += e;
      weighted[lane] = Math.fma(e, Math.max(d, FLOOR), weighted[lane]);
      powered[lane] += Float.isNaN(alpha) ? 0f : belowMax(d * alpha);
    }
    return ties;
  }

  /**
   * exp(x) strictly between the floor and 0; 0 at 0 (the maximum, whose weight 1 is counted apart as a tie) and at or
   * below the floor (below float's normal range, and where a masked -Infinity logit lands).
   */
  static float belowMax(float x) {
    return x == 0 || x <= FLOOR ? 0f : exp(x);
  }

  /**
   * exp(x) for x ≤ 0: x = n·ln2 + r with n an integer and |r| ≤ ln2/2; exp(r) from its degree-6 Taylor polynomial
   * by fused multiply-adds (relative error below 3e-7), and 2^n added into the exponent bits. Inputs below −87, where
   * the result is already below 1e-37, are clamped there; exp(0) is exactly 1.
   */
  static float exp(float x) {
    float y = Math.max(x, FLOOR);
    float k = Math.fma(y, LOG2E, ROUNDER);
    float n = k - ROUNDER;
    int scale = (Float.floatToRawIntBits(k) - ROUNDER_BITS) << 23;
    float r = Math.fma(n, -LN2_HI, y);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(r, 1f / 720, 1f / 120);
    p = Math.fma(p, r, 1f / 24);
    p = Math.fma(p, r, 1f / 6);
    p = Math.fma(p, r, 0.5f);
    p = Math.fma(p, r, 1f);
    p = Math.fma(p, r, 1f);
    return Float.intBitsToFloat(Float.floatToRawIntBits(p) + scale);
  }
}
