package org.entropyharness.metric.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/** An exact fraction of two {@link BigInteger}s, always reduced, with a positive denominator. */
record Rational(BigInteger num, BigInteger den) {
  static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
  /** Results larger than this many bits fall back to floating point, so a hostile exponent cannot stall a grade. */
  private static final int MAX_BITS = 4096;

  Rational {
    if (den.signum() == 0) {
      throw new ArithmeticException("zero denominator");
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    if (num.signum() == 0) {
      den = BigInteger.ONE;
    }
  }

  static Rational of(long n) {
    return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  /** Parses a plain decimal such as {@code 12}, {@code -0.125} or {@code .5} exactly. */
  static Rational parseDecimal(String text) {
    BigDecimal d = new BigDecimal(text.startsWith(".") ? "0" + text : text);
    if (d.scale() <= 0) {
      return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  Rational add(Rational o) {
    return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  Rational negate() {
    return new Rational(num.negate(), den);
  }

  Rational multiply(Rational o) {
    return new Rational(num.multiply(o.num), den.multiply(o.den));
  }

  Rational divide(Rational o) {
    return new Rational(num.multiply(o.den), den.multiply(o.num));
  }

  boolean isInteger() {
    return den.equals(BigInteger.ONE);
  }

  /** This raised to an integer power, or empty when the result would be too large to keep exact. */
  Optional<Rational> pow(Rational exponent) {
    if (!exponent.isInteger() || exponent.num.bitLength() > 31) {
      return Optional.empty();
    }
    int e = exponent.num.intValue();
    long bits = (long) Math.abs(e) * Math.max(num.bitLength(), den.bitLength());
    if (bits > MAX_BITS || (num.signum() == 0 && e < 0)) {
      return Optional.empty();
    }
    Rational r = new Rational(num.pow(Math.abs(e)), den.pow(Math.abs(e)));
    return Optional.of(e >= 0 ? r : ONE.divide(r));
  }

  /** The exact k-th root when numerator and denominator are perfect k-th powers (k = 2 or 3), else empty. */
  Optional<Rational> root(int k) {
    if (num.signum() < 0 && k % 2 == 0) {
      return Optional.empty();
    }
    Optional<BigInteger> n = exactRoot(num.abs(), k);
    Optional<BigInteger> d = exactRoot(den, k);
    if (n.isEmpty() || d.isEmpty()) {
      return Optional.empty();
    }
    BigInteger signed = num.signum() < 0 ? n.get().negate() : n.get();
    return Optional.of(new Rational(signed, d.get()));
  }

  private static Optional<BigInteger> exactRoot(BigInteger x, int k) {
    if (k == 2) {
      BigInteger r = x.sqrt();
      return r.multiply(r).equals(x) ? Optional.of(r) : Optional.empty();
    }
    BigInteger r = BigInteger.valueOf(Math.round(Math.cbrt(x.doubleValue())));
    for (BigInteger c = r.subtract(BigInteger.ONE); c.compareTo(r.add(BigInteger.ONE)) <= 0; c = c.add(BigInteger.ONE)) {
      if (c.signum() >= 0 && c.pow(k).equals(x)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  double toDouble() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }
}
