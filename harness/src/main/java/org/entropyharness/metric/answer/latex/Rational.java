package org.entropyharness.metric.answer.latex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An exact fraction of two {@link BigInteger}s, always reduced, with a positive denominator.
 *
 * @param num the numerator
 * @param den the denominator, positive
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
  /** Zero. */
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  /** One. */
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
  /** Results larger than this many bits fall back to floating point, so a hostile exponent cannot stall a grade. */
  private static final int MAX_BITS = 4096;

  public Rational {
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

  /** The integer {@code n}. */
  public static Rational of(long n) {
    return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  /** Parses a decimal such as {@code 12}, {@code -0.125}, {@code .5} or {@code 1E22} exactly. */
  public static Rational parseDecimal(String text) {
    BigDecimal d = new BigDecimal(text.startsWith(".") ? "0" + text : text);
    if (Math.abs((long) d.scale()) > MAX_BITS) {
      throw new ArithmeticException("exponent too large");
    }
    if (d.scale() <= 0) {
      return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  /** The sum. */
  public Rational add(Rational o) {
    return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  /** The negation. */
  public Rational negate() {
    return new Rational(num.negate(), den);
  }

  /** The product. */
  public Rational multiply(Rational o) {
    return new Rational(num.multiply(o.num), den.multiply(o.den));
  }

  /** The quotient; throws ArithmeticException when {@code o} is zero. */
  public Rational divide(Rational o) {
    return new Rational(num.multiply(o.den), den.multiply(o.num));
  }

  /** True when the denominator is one. */
  public boolean isInteger() {
    return den.equals(BigInteger.ONE);
  }

  /** This raised to an integer power, or empty when the result would be too large to keep exact. */
  public Optional<Rational> pow(Rational exponent) {
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

  /** The exact k-th root when numerator and denominator are perfect k-th powers (2 ≤ k ≤ 64), else empty. */
  public Optional<Rational> root(int k) {
    if (k < 2 || k > 64 || (num.signum() < 0 && k % 2 == 0)) {
      return Optional.empty();
    }
    Optional<BigInteger> n = exactRoot(num.abs(), k);
    Optional<BigInteger> d = n.isEmpty() ? Optional.empty() : exactRoot(den, k);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    BigInteger signed = num.signum() < 0 ? n.get().negate() : n.get();
    return Optional.of(new Rational(signed, d.get()));
  }

  /** The integer k-th root of a non-negative x by Newton's iteration, if x is a perfect k-th power. */
  private static Optional<BigInteger> exactRoot(BigInteger x, int k) {
    if (x.signum() == 0 || x.equals(BigInteger.ONE)) {
      return Optional.of(x);
    }
    if (x.bitLength() > MAX_BITS) {
      return Optional.empty();
    }
    BigInteger kk = BigInteger.valueOf(k);
    BigInteger r = BigInteger.ONE.shiftLeft(x.bitLength() / k + 1);
    while (true) {
      BigInteger next = kk.subtract(BigInteger.ONE).multiply(r).add(x.divide(r.pow(k - 1))).divide(kk);
      if (next.compareTo(r) >= 0) {
        break;
      }
      r = next;
    }
    return r.pow(k).equals(x) ? Optional.of(r) : Optional.empty();
  }

  /** The nearest double (infinite beyond its range). */
  public double toDouble() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** The sign: -1, 0 or 1. */
  public int signum() {
    return num.signum();
  }

  /** The difference. */
  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  /** The absolute value. */
  public Rational abs() {
    return num.signum() < 0 ? negate() : this;
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public String toString() {
    return isInteger() ? num.toString() : num + "/" + den;
  }
}
