package org.entropyharness.metric.answer.latex;

import java.util.List;
import java.util.Map;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Apply;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Degrees;
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
 * Numeric evaluation of an arithmetic node in complex doubles, with values for its variables. A function the parser
 * does not know ({@code f(2)}) gets a fixed pseudo-random value per argument, so {@code f(1)+f(2)} equals {@code
 * f(2)+f(1)} and differs from {@code 2f(1)}. Anything that is not arithmetic evaluates to NaN.
 */
public final class Numeric {
  private final Map<String, Double> vars;
  private final Deadline deadline;

  /** An evaluator with the given variable values. */
  public Numeric(Map<String, Double> vars, Deadline deadline) {
    this.vars = vars;
    this.deadline = deadline;
  }

  /** The value of {@code n}; NaN parts where it is undefined or not arithmetic. */
  public Complex value(Node n) {
    deadline.check();
    if (n instanceof Num num) {
      return Complex.real(num.value().toDouble());
    } else if (n instanceof Sym s) {
      Double v = vars.get(s.name());
      return v == null ? Complex.NAN : Complex.real(v);
    } else if (n instanceof Const c) {
      return constant(c.name());
    } else if (n instanceof Neg neg) {
      return value(neg.x()).negate();
    } else if (n instanceof Add add) {
      Complex total = Complex.real(0);
      for (Node t : add.terms()) {
        total = total.plus(value(t));
      }
      return total;
    } else if (n instanceof Mul mul) {
      Complex total = Complex.real(1);
      for (Node f : mul.factors()) {
        total = total.times(value(f));
      }
      return total;
    }
    return compound(n);
  }

  private Complex compound(Node n) {
    if (n instanceof Div d) {
      return value(d.num()).dividedBy(value(d.den()));
    } else if (n instanceof Pow p) {
      return value(p.base()).pow(value(p.exponent()));
    } else if (n instanceof Root r) {
      return root(value(r.index()), value(r.radicand()));
    } else if (n instanceof Percent p) {
      return value(p.x()).times(Complex.real(0.01));
    } else if (n instanceof Degrees d) {
      return value(d.x()).times(Complex.real(Math.PI / 180));
    } else if (n instanceof Fn f) {
      return NumericFunctions.apply(f.name(), values(f.args()));
    } else if (n instanceof Apply a) {
      return oracle(a.name(), values(a.args()));
    }
    return Complex.NAN;
  }

  private List<Complex> values(List<Node> args) {
    return args.stream().map(this::value).toList();
  }

  private static Complex constant(String name) {
    return switch (name) {
      case "pi" -> Complex.real(Math.PI);
      case "e" -> Complex.real(Math.E);
      case "i" -> Complex.I;
      case "infty" -> Complex.real(Double.POSITIVE_INFINITY);
      default -> Complex.NAN;
    };
  }

  private static Complex root(Complex index, Complex x) {
    if (index.isReal() && index.re() == 2) {
      return x.sqrt();
    }
    if (index.isReal() && x.isReal() && x.re() < 0 && index.re() == Math.rint(index.re())
        && ((long) index.re()) % 2 != 0) {
      return Complex.real(-Math.pow(-x.re(), 1 / index.re()));
    }
    return x.pow(Complex.real(1).dividedBy(index));
  }

  /** A fixed value in [0.5, 2.5) for a function name and arguments, the same wherever it is evaluated. */
  private static Complex oracle(String name, List<Complex> args) {
    long h = name.hashCode();
    for (Complex a : args) {
      if (!a.isFinite()) {
        return Complex.NAN;
      }
      h = h * 1_000_003L + Math.round(a.re() * 1e6) * 31 + Math.round(a.im() * 1e6);
    }
    h ^= (h >>> 29);
    h *= 0x9E3779B97F4A7C15L;
    h ^= (h >>> 32);
    return Complex.real(0.5 + 2.0 * ((h >>> 11) * 0x1.0p-53));
  }
}
