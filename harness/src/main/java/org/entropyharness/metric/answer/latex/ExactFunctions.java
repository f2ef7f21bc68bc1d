package org.entropyharness.metric.answer.latex;

import java.math.BigInteger;
import java.util.List;

/** Functions with exact values on exact arguments: abs, floor, ceil, factorial, binom, gcd, lcm, max, min. */
final class ExactFunctions {
  /** Factorials and binomials of larger arguments are left to floating point. */
  private static final int MAX_FACTORIAL = 400;

  private ExactFunctions() {}

  /** The exact value, or null when there is none (an irrational value, a non-integer factorial, a complex max). */
  static Exact apply(String name, List<Exact> args) {
    for (Exact a : args) {
      if (!a.isReal()) {
        return name.equals("abs") && args.size() == 1 ? complexAbs(a) : null;
      }
    }
    List<Rational> r = args.stream().map(Exact::re).toList();
    Rational value = switch (name) {
      case "abs" -> one(r) ? r.get(0).abs() : null;
      case "floor" -> one(r) ? floor(r.get(0)) : null;
      case "ceil" -> one(r) ? floor(r.get(0).negate()).negate() : null;
      case "factorial" -> one(r) ? factorial(r.get(0)) : null;
      case "binom" -> r.size() == 2 ? binomial(r.get(0), r.get(1)) : null;
      case "max" -> r.isEmpty() ? null : r.stream().max(Rational::compareTo).orElseThrow();
      case "min" -> r.isEmpty() ? null : r.stream().min(Rational::compareTo).orElseThrow();
      case "gcd", "lcm" -> integers(name, r);
      default -> null;
    };
    return value == null ? null : Exact.real(value);
  }

  private static boolean one(List<Rational> r) {
    return r.size() == 1;
  }

  private static Exact complexAbs(Exact a) {
    Rational norm = a.re().multiply(a.re()).add(a.im().multiply(a.im()));
    return norm.root(2).map(Exact::real).orElse(null);
  }

  private static Rational floor(Rational x) {
    BigInteger[] qr = x.num().divideAndRemainder(x.den());
    BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    return new Rational(q, BigInteger.ONE);
  }

  private static Rational factorial(Rational x) {
    if (!x.isInteger() || x.signum() < 0 || x.num().bitLength() > 10 || x.num().intValue() > MAX_FACTORIAL) {
      return null;
    }
    BigInteger f = BigInteger.ONE;
    for (int k = 2; k <= x.num().intValue(); k++) {
      f = f.multiply(BigInteger.valueOf(k));
    }
    return new Rational(f, BigInteger.ONE);
  }

  private static Rational binomial(Rational n, Rational k) {
    if (!n.isInteger() || !k.isInteger() || n.num().bitLength() > 12 || k.num().bitLength() > 12) {
      return null;
    }
    int nn = n.num().intValue();
    int kk = k.num().intValue();
    if (nn < 0 || nn > 4 * MAX_FACTORIAL) {
      return null;
    }
    if (kk < 0 || kk > nn) {
      return Rational.ZERO;
    }
    BigInteger c = BigInteger.ONE;
    for (int j = 1; j <= Math.min(kk, nn - kk); j++) {
      c = c.multiply(BigInteger.valueOf(nn - j + 1)).divide(BigInteger.valueOf(j));
    }
    return new Rational(c, BigInteger.ONE);
  }

  private static Rational integers(String name, List<Rational> r) {
    if (r.isEmpty() || r.stream().anyMatch(x -> !x.isInteger())) {
      return null;
    }
    BigInteger acc = r.get(0).num().abs();
    for (int j = 1; j < r.size(); j++) {
      BigInteger b = r.get(j).num().abs();
      if (name.equals("gcd")) {
        acc = acc.gcd(b);
      } else {
        acc = acc.signum() == 0 || b.signum() == 0 ? BigInteger.ZERO : acc.divide(acc.gcd(b)).multiply(b);
      }
    }
    return new Rational(acc, BigInteger.ONE);
  }
}
