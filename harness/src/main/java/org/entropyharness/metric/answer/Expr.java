package org.entropyharness.metric.answer;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed arithmetic expression, evaluated exactly (rationals) where possible and numerically otherwise. */
sealed interface Expr {

  /** The exact rational value, or empty when the value is irrational, symbolic or too large. */
  Optional<Rational> exact();

  /** The value with the given variable assignment (NaN or infinite where undefined). */
  double value(Map<String, Double> vars);

  /** Adds the names of this expression's free variables to {@code into}. */
  default void collectVariables(Set<String> into) {}

  record Num(Rational r) implements Expr {
    public Optional<Rational> exact() {
      return Optional.of(r);
    }

    public double value(Map<String, Double> vars) {
      return r.toDouble();
    }
  }

  record Pi() implements Expr {
    public Optional<Rational> exact() {
      return Optional.empty();
    }

    public double value(Map<String, Double> vars) {
      return Math.PI;
    }
  }

  record Var(String name) implements Expr {
    public Optional<Rational> exact() {
      return Optional.empty();
    }

    public double value(Map<String, Double> vars) {
      return vars.getOrDefault(name, Double.NaN);
    }

    public void collectVariables(Set<String> into) {
      into.add(name);
    }
  }

  record Neg(Expr e) implements Expr {
    public Optional<Rational> exact() {
      return e.exact().map(Rational::negate);
    }

    public double value(Map<String, Double> vars) {
      return -e.value(vars);
    }

    public void collectVariables(Set<String> into) {
      e.collectVariables(into);
    }
  }

  /** A binary operation: {@code +}, {@code *}, {@code /} or {@code ^}. */
  record Bin(char op, Expr l, Expr r) implements Expr {
    public Optional<Rational> exact() {
      Optional<Rational> a = l.exact();
      Optional<Rational> b = a.isEmpty() ? Optional.empty() : r.exact();
      if (b.isEmpty()) {
        return Optional.empty();
      }
      return switch (op) {
        case '+' -> Optional.of(a.get().add(b.get()));
        case '*' -> Optional.of(a.get().multiply(b.get()));
        case '/' -> b.get().num().signum() == 0 ? Optional.empty() : Optional.of(a.get().divide(b.get()));
        default -> power(a.get(), b.get());
      };
    }

    private static Optional<Rational> power(Rational base, Rational exponent) {
      if (exponent.isInteger()) {
        return base.pow(exponent);
      }
      BigInteger k = exponent.den();
      if (k.bitLength() > 2) {
        return Optional.empty();
      }
      return base.root(k.intValue()).flatMap(root -> root.pow(new Rational(exponent.num(), BigInteger.ONE)));
    }

    public double value(Map<String, Double> vars) {
      double a = l.value(vars);
      double b = r.value(vars);
      return switch (op) {
        case '+' -> a + b;
        case '*' -> a * b;
        case '/' -> a / b;
        default -> Math.pow(a, b);
      };
    }

    public void collectVariables(Set<String> into) {
      l.collectVariables(into);
      r.collectVariables(into);
    }
  }

  /** The {@code degree}-th root; odd roots of negatives are real. */
  record Root(Expr degree, Expr radicand) implements Expr {
    public Optional<Rational> exact() {
      Optional<Rational> k = degree.exact();
      if (k.isEmpty() || !k.get().isInteger() || k.get().num().bitLength() > 2) {
        return Optional.empty();
      }
      int n = k.get().num().intValue();
      return n < 2 ? Optional.empty() : radicand.exact().flatMap(x -> x.root(n));
    }

    public double value(Map<String, Double> vars) {
      double k = degree.value(vars);
      double x = radicand.value(vars);
      if (x < 0 && k == Math.rint(k) && ((long) k) % 2 == 1) {
        return -Math.pow(-x, 1 / k);
      }
      return k == 2 ? Math.sqrt(x) : Math.pow(x, 1 / k);
    }

    public void collectVariables(Set<String> into) {
      degree.collectVariables(into);
      radicand.collectVariables(into);
    }
  }

  /** A named function of one argument ({@code sin}, {@code ln}, {@code abs}, …), evaluated numerically. */
  record Func(String name, Expr arg) implements Expr {
    public Optional<Rational> exact() {
      if (name.equals("abs")) {
        return arg.exact().map(x -> x.num().signum() < 0 ? x.negate() : x);
      }
      return Optional.empty();
    }

    public double value(Map<String, Double> vars) {
      double x = arg.value(vars);
      return switch (name) {
        case "sin" -> Math.sin(x);
        case "cos" -> Math.cos(x);
        case "tan" -> Math.tan(x);
        case "cot" -> 1 / Math.tan(x);
        case "sec" -> 1 / Math.cos(x);
        case "csc" -> 1 / Math.sin(x);
        case "ln" -> Math.log(x);
        case "log" -> Math.log10(x);
        case "exp" -> Math.exp(x);
        case "abs" -> Math.abs(x);
        default -> throw new IllegalStateException("no function " + name);
      };
    }

    public void collectVariables(Set<String> into) {
      arg.collectVariables(into);
    }
  }
}
