package org.entropyharness.metric.answer.latex;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Percent;
import org.entropyharness.metric.answer.latex.Node.Pow;
import org.entropyharness.metric.answer.latex.Node.Root;
import org.entropyharness.metric.answer.latex.Node.Sym;

/**
 * An exact complex rational {@code re + im·i}, and the exact evaluation of a node: rational arithmetic, integer
 * powers, perfect roots, {@code i}, factorials and binomials of small integers. Anything else (π, √2, a free
 * variable without a value, a result past {@link #MAX_BITS}) has no exact value.
 *
 * @param re the real part
 * @param im the imaginary part
 */
public record Exact(Rational re, Rational im) {
  /** Exact results larger than this many bits are not kept, so a hostile exponent cannot stall a grade. */
  static final int MAX_BITS = 4096;

  private static final Exact ZERO = new Exact(Rational.ZERO, Rational.ZERO);
  private static final Exact I = new Exact(Rational.ZERO, Rational.ONE);

  /** The exact value of {@code n} with no free variables, or empty. */
  public static Optional<Exact> of(Node n) {
    return of(n, Map.of());
  }

  /** The exact value of {@code n} with the given values of its variables, or empty. */
  public static Optional<Exact> of(Node n, Map<String, Rational> vars) {
    try {
      return Optional.ofNullable(eval(n, vars));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  static Exact real(Rational r) {
    return new Exact(r, Rational.ZERO);
  }

  /** True when the imaginary part is zero. */
  public boolean isReal() {
    return im.signum() == 0;
  }

  private static Exact eval(Node n, Map<String, Rational> vars) {
    if (n instanceof Num num) {
      return real(num.value());
    } else if (n instanceof Const c) {
      return c.name().equals("i") ? I : null;
    } else if (n instanceof Sym s) {
      return vars.containsKey(s.name()) ? real(vars.get(s.name())) : null;
    } else if (n instanceof Neg neg) {
      return negate(eval(neg.x(), vars));
    } else if (n instanceof Add add) {
      return sum(add.terms(), vars);
    } else if (n instanceof Mul mul) {
      return product(mul.factors(), vars);
    } else if (n instanceof Div d) {
      return divide(eval(d.num(), vars), eval(d.den(), vars));
    } else if (n instanceof Pow p) {
      return power(eval(p.base(), vars), eval(p.exponent(), vars));
    } else if (n instanceof Root r) {
      return root(eval(r.index(), vars), eval(r.radicand(), vars));
    } else if (n instanceof Percent p) {
      return divide(eval(p.x(), vars), real(Rational.of(100)));
    } else if (n instanceof Fn f) {
      List<Exact> args = evalAll(f.args(), vars);
      return args == null ? null : ExactFunctions.apply(f.name(), args);
    }
    return null;
  }

  private static List<Exact> evalAll(List<Node> args, Map<String, Rational> vars) {
    java.util.ArrayList<Exact> out = new java.util.ArrayList<>();
    for (Node a : args) {
      Exact e = eval(a, vars);
      if (e == null) {
        return null;
      }
      out.add(e);
    }
    return out;
  }

  private static Exact negate(Exact a) {
    return a == null ? null : new Exact(a.re.negate(), a.im.negate());
  }

  private static Exact sum(List<Node> terms, Map<String, Rational> vars) {
    Exact total = ZERO;
    for (Node t : terms) {
      Exact e = eval(t, vars);
      if (e == null) {
        return null;
      }
      total = new Exact(total.re.add(e.re), total.im.add(e.im));
    }
    return total;
  }

  private static Exact product(List<Node> factors, Map<String, Rational> vars) {
    Exact total = real(Rational.ONE);
    for (Node f : factors) {
      total = multiply(total, eval(f, vars));
      if (total == null) {
        return null;
      }
    }
    return total;
  }

  static Exact multiply(Exact a, Exact b) {
    if (a == null || b == null) {
      return null;
    }
    checkSize(a);
    checkSize(b);
    return new Exact(a.re.multiply(b.re).subtract(a.im.multiply(b.im)), a.re.multiply(b.im).add(a.im.multiply(b.re)));
  }

  static Exact divide(Exact a, Exact b) {
    if (a == null || b == null) {
      return null;
    }
    Rational norm = b.re.multiply(b.re).add(b.im.multiply(b.im));
    if (norm.signum() == 0) {
      return null;
    }
    Exact top = multiply(a, new Exact(b.re, b.im.negate()));
    return new Exact(top.re.divide(norm), top.im.divide(norm));
  }

  private static Exact power(Exact base, Exact exponent) {
    if (base == null || exponent == null || !exponent.isReal()) {
      return null;
    }
    Rational e = exponent.re;
    if (e.isInteger()) {
      return integerPower(base, e.num());
    }
    if (!base.isReal() || e.den().bitLength() > 7) {
      return null;
    }
    Optional<Rational> root = base.re.root(e.den().intValue());
    return root.map(r -> integerPower(real(r), e.num())).orElse(null);
  }

  private static Exact integerPower(Exact base, BigInteger exponent) {
    if (exponent.signum() < 0) {
      return divide(real(Rational.ONE), integerPower(base, exponent.negate()));
    }
    long bits = Math.max(base.re.num().bitLength() + base.re.den().bitLength(), base.im.num().bitLength()) + 1;
    if (exponent.bitLength() > 31 || bits * exponent.longValue() > MAX_BITS * 2L) {
      return isTrivialBase(base) ? trivialPower(base, exponent) : null;
    }
    Exact result = real(Rational.ONE);
    Exact square = base;
    for (int k = 0; k < exponent.bitLength(); k++) {
      if (exponent.testBit(k)) {
        result = multiply(result, square);
      }
      if (k + 1 < exponent.bitLength()) {
        square = multiply(square, square);
      }
    }
    return result;
  }

  private static boolean isTrivialBase(Exact b) {
    return b.isReal() && (b.re.signum() == 0 || b.re.abs().equals(Rational.ONE));
  }

  private static Exact trivialPower(Exact b, BigInteger exponent) {
    if (b.re.signum() == 0) {
      return exponent.signum() == 0 ? real(Rational.ONE) : ZERO;
    }
    return b.re.signum() > 0 || !exponent.testBit(0) ? real(Rational.ONE) : real(Rational.ONE.negate());
  }

  private static Exact root(Exact index, Exact radicand) {
    if (index == null || radicand == null || !index.isReal() || !radicand.isReal() || !index.re.isInteger()) {
      return null;
    }
    if (index.re.num().bitLength() > 7) {
      return null;
    }
    return radicand.re.root(index.re.num().intValue()).map(Exact::real).orElse(null);
  }

  private static void checkSize(Exact a) {
    int bits = Math.max(a.re.num().bitLength() + a.re.den().bitLength(), a.im.num().bitLength() + a.im.den().bitLength());
    if (bits > MAX_BITS * 2) {
      throw new ArithmeticException("too large to keep exact");
    }
  }
}
