package org.entropyharness.lm.embedded;

/**
 * IEEE 754 binary16 ("half") conversions for the compact weights file. Hand-written because the project targets Java
 * 17 ({@code Float.floatToFloat16} arrived in Java 20) and a dependency for two bit manipulations is not worth it.
 */
final class HalfFloat {
  private HalfFloat() {}

  /** The nearest half to {@code value}, ties to even; overflow gives infinity, NaN stays NaN (quiet). */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xFF;
    int mantissa = bits & 0x7FFFFF;
    if (exponent == 0xFF) {
      return (short) (sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1F) {
      return (short) (sign | 0x7C00);
    }
    if (halfExponent <= 0) {
      return (short) (sign | subnormal(exponent, mantissa, halfExponent));
    }
    int half = (halfExponent << 10) | (mantissa >>> 13);
    // Rounding may carry into the exponent, and from the largest finite half into infinity: both are right.
    return (short) (sign | roundToEven(half, mantissa & 0x1FFF, 0x1000));
  }

  /** A float too small for a normal half: shift the implicit-one mantissa right, then round. */
  private static int subnormal(int exponent, int mantissa, int halfExponent) {
    if (halfExponent < -10 || exponent == 0) {
      return 0; // below half the smallest subnormal (float subnormals included): rounds to zero
    }
    int full = mantissa | 0x800000;
    int shift = 14 - halfExponent;
    int kept = full >>> shift;
    int rest = full & ((1 << shift) - 1);
    return roundToEven(kept, rest, 1 << (shift - 1));
  }

  private static int roundToEven(int kept, int rest, int halfway) {
    if (rest > halfway || (rest == halfway && (kept & 1) == 1)) {
      return kept + 1;
    }
    return kept;
  }

  /** The exact float of a half's bits. */
  static float toFloat(short half) {
    int h = half & 0xFFFF;
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1F;
    int mantissa = h & 0x3FF;
    if (exponent == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f; // exact: a subnormal half is mantissa · 2^-24
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
  }
}
