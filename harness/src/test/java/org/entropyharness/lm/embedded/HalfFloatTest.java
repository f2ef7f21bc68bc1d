package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Expectations from the binary16 definition evaluated in double arithmetic and a search over all halves. */
class HalfFloatTest {
  /** Every non-negative finite half's value, in bit order (which is value order), from the format's definition. */
  private static final double[] POSITIVE = new double[0x7C00];

  static {
    for (int bits = 0; bits < 0x7C00; bits++) {
      int exponent = bits >>> 10;
      int mantissa = bits & 0x3FF;
      POSITIVE[bits] = exponent == 0
          ? mantissa * Math.pow(2, -24)
          : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
    }
  }

  @Test
  void should_decode_every_finite_half_to_its_defined_value() {
    for (int bits = 0; bits < 0x7C00; bits++) {
      assertThat((double) HalfFloat.toFloat((short) bits)).as("bits %04x", bits).isEqualTo(POSITIVE[bits]);
      assertThat((double) HalfFloat.toFloat((short) (bits | 0x8000))).isEqualTo(-POSITIVE[bits]);
    }
    assertThat(HalfFloat.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfFloat.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(HalfFloat.toFloat((short) 0x7E00)).isNaN();
  }

  @Test
  void should_round_to_the_nearest_half_with_ties_to_even() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      float x = (float) (Math.pow(2, rng.nextDouble(-27, 16.5)) * (rng.nextBoolean() ? 1 : -1));
      assertThat(HalfFloat.fromFloat(x)).as("x = %s", x).isEqualTo(nearest(x));
    }
    for (int bits = 0; bits + 1 < 0x7C00; bits++) {
      float midpoint = (float) ((POSITIVE[bits] + POSITIVE[bits + 1]) / 2); // exact in float: one more bit than a half
      assertThat(HalfFloat.fromFloat(midpoint)).as("midpoint above %04x", bits).isEqualTo(nearest(midpoint));
    }
  }

  @Test
  void should_overflow_to_infinity_and_keep_nan_and_signed_zero() {
    assertThat(HalfFloat.fromFloat(65504f)).isEqualTo((short) 0x7BFF);
    assertThat(HalfFloat.fromFloat(65520f)).as("halfway to 2^16 rounds up").isEqualTo((short) 0x7C00);
    assertThat(HalfFloat.fromFloat(1e9f)).isEqualTo((short) 0x7C00);
    assertThat(HalfFloat.fromFloat(-1e9f)).isEqualTo((short) 0xFC00);
    assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))).isNaN();
    assertThat(HalfFloat.fromFloat(-0f)).isEqualTo((short) 0x8000);
    assertThat(HalfFloat.fromFloat(Float.MIN_VALUE)).isEqualTo((short) 0);
  }

  /** The nearest half by search over all of them; ties go to the even bit pattern. */
  private static short nearest(float x) {
    double a = Math.abs((double) x);
    int sign = x < 0 ? 0x8000 : 0;
    if (a >= 65520) {
      return (short) (sign | 0x7C00);
    }
    int lo = 0;
    int hi = POSITIVE.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (POSITIVE[mid] <= a) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double dLo = a - POSITIVE[lo];
    double dHi = POSITIVE[hi] - a;
    int best = dLo < dHi ? lo : dHi < dLo ? hi : (lo % 2 == 0 ? lo : hi);
    if (a > POSITIVE[POSITIVE.length - 1]) {
      best = POSITIVE.length - 1; // between 65504 and 65520: rounds down to the largest finite half
    }
    return (short) (sign | best);
  }
}
