package org.entropyharness.guard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Integer conversions that refuse what does not fit instead of narrowing it: {@code Number.intValue()} turns
 * 2<sup>32</sup> + 2 into 2 and 2<sup>63</sup> into a negative number, which would run something other than what a
 * file asked for.
 */
public final class ExactNumbers {
  private static final double TWO_TO_53 = 0x1p53;

  private ExactNumbers() {}

  /**
   * The value as a long, if it is an integer that fits: a Java integral type, a {@link BigInteger} or
   * {@link BigDecimal} within range, or a double that is integral and exactly representable (|x| &lt; 2<sup>53</sup>).
   */
  public static Optional<Long> toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE ? Optional.of(big.longValue()) : Optional.empty();
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return Optional.of(decimal.longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      boolean exact = d == Math.rint(d) && Math.abs(d) < TWO_TO_53 && !(d == 0 && 1 / d < 0);
      return exact ? Optional.of((long) d) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The value as an int, if it is an integer (see {@link #toLong}) within the int range. */
  public static Optional<Integer> toInt(Object value) {
    return toLong(value).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE).map(Long::intValue);
  }

  /**
   * Parses a decimal integer exactly.
   *
   * @return empty when the text is not an optionally signed run of ASCII digits, or does not fit a long
   */
  public static Optional<Long> parseLong(String text) {
    if (text == null || !text.matches("[+-]?[0-9]{1,100}")) {
      return Optional.empty();
    }
    BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    return toLong(big);
  }

  /**
   * The product of non-negative factors, or empty when a factor is negative or the product exceeds {@code max}
   * (a zero factor makes it zero whatever the others are, as NumPy counts elements).
   */
  public static Optional<Long> product(Iterable<? extends Number> factors, long max) {
    long product = 1;
    boolean tooLarge = false;
    for (Number n : factors) {
      long f = n.longValue();
      if (f < 0) {
        return Optional.empty();
      }
      if (f == 0) {
        return allNonNegative(factors) ? Optional.of(0L) : Optional.empty();
      }
      tooLarge |= product > max / f;
      product = tooLarge ? product : product * f;
    }
    return tooLarge ? Optional.empty() : Optional.of(product);
  }

  private static boolean allNonNegative(Iterable<? extends Number> factors) {
    for (Number n : factors) {
      if (n.longValue() < 0) {
        return false;
      }
    }
    return true;
  }
}
