package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.entropyharness.metric.answer.compare.RealSet.Interval;
import org.entropyharness.metric.answer.latex.Complex;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Exact;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Apply;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Numeric;
import org.entropyharness.metric.answer.latex.Rational;

/**
 * Solves a chain of inequalities in one unknown into a set: each link {@code L op R} with a constant on one side
 * bounds the other side, which may be the unknown, a linear expression in it ({@code -y < 3}, {@code 2x+1 \ge 5}),
 * its absolute value, or an unknown function value taken as a whole ({@code 0 < f(x) < 1}); a link with the unknown
 * on both sides must be linear. Anything else (two unknowns, {@code x^2 < 4}) is not solved.
 */
final class InequalitySolver {
  private final Deadline deadline;
  private String subject;

  InequalitySolver(Deadline deadline) {
    this.deadline = deadline;
  }

  /** The solution set, or null when the chain is not one this solver reads. */
  RealSet solve(Relation r) {
    RealSet result = RealSet.ALL;
    for (int k = 0; k < r.ops().size(); k++) {
      RealSet link = link(r.operands().get(k), r.ops().get(k), r.operands().get(k + 1));
      if (link == null) {
        return null;
      }
      result = result.intersect(link);
    }
    return subject == null ? null : result;
  }

  private RealSet link(Node left, String op, Node right) {
    boolean leftConstant = Variables.of(left).isEmpty();
    boolean rightConstant = Variables.of(right).isEmpty();
    if (leftConstant && rightConstant) {
      return null;
    }
    if (rightConstant) {
      return bound(left, op, right);
    }
    if (leftConstant) {
      return bound(right, flip(op), left);
    }
    return bound(new Node.Add(List.of(left, new Node.Neg(right))), op, new Node.Num(Rational.ZERO, -1));
  }

  private RealSet bound(Node expression, String op, Node constant) {
    Endpoint c = Endpoint.of(constant, deadline);
    if (c == null || c.isInfinite()) {
      return null;
    }
    return preimage(expression, halfLine(op, c));
  }

  static RealSet halfLine(String op, Endpoint c) {
    return switch (op) {
      case "<" -> RealSet.of(List.of(new Interval(Endpoint.NEGATIVE_INFINITY, false, c, false)));
      case "<=" -> RealSet.of(List.of(new Interval(Endpoint.NEGATIVE_INFINITY, false, c, true)));
      case ">" -> RealSet.of(List.of(new Interval(c, false, Endpoint.POSITIVE_INFINITY, false)));
      default -> RealSet.of(List.of(new Interval(c, true, Endpoint.POSITIVE_INFINITY, false)));
    };
  }

  static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      default -> "<=";
    };
  }

  /** The values of the unknown for which {@code e} lies in {@code target}. */
  private RealSet preimage(Node e, RealSet target) {
    if (e instanceof Apply) {
      return subject(e.toString()) ? target : null;
    }
    if (e instanceof Fn f && f.name().equals("abs") && f.args().size() == 1) {
      RealSet nonNegative = target.intersect(halfLine(">=", Endpoint.of(Rational.ZERO)));
      return preimage(f.args().get(0), nonNegative.union(mirror(nonNegative)));
    }
    TreeSet<String> vars = Variables.of(e);
    if (vars.size() != 1 || !subject(vars.first())) {
      return null;
    }
    Linear line = linear(e, vars.first());
    return line == null ? null : line.inverse(target);
  }

  private boolean subject(String key) {
    if (subject == null) {
      subject = key;
    }
    return subject.equals(key);
  }

  private static RealSet mirror(RealSet s) {
    List<Interval> out = new ArrayList<>();
    for (Interval i : s.parts()) {
      out.add(new Interval(negate(i.hi()), i.hiClosed(), negate(i.lo()), i.loClosed()));
    }
    return RealSet.of(out);
  }

  static Endpoint negate(Endpoint e) {
    return e.exact() != null ? Endpoint.of(e.exact().negate()) : new Endpoint(-e.value(), null, null);
  }

  /** {@code e} as {@code a·v + b}, exactly when its coefficients are rational, or null when it is not linear. */
  private Linear linear(Node e, String v) {
    Optional<Exact> at0 = Exact.of(e, Map.of(v, Rational.ZERO));
    Optional<Exact> at1 = Exact.of(e, Map.of(v, Rational.ONE));
    Optional<Exact> at2 = Exact.of(e, Map.of(v, Rational.of(2)));
    if (at0.isPresent() && at1.isPresent() && at2.isPresent() && at0.get().isReal() && at1.get().isReal()
        && at2.get().isReal()) {
      Rational b = at0.get().re();
      Rational a = at1.get().re().subtract(b);
      boolean straight = at2.get().re().equals(b.add(a).add(a));
      return straight && a.signum() != 0 ? new Linear(a.toDouble(), a, b.toDouble(), b) : null;
    }
    return numericLinear(e, v);
  }

  private Linear numericLinear(Node e, String v) {
    double b = real(e, v, 0);
    double a = real(e, v, 1) - b;
    double at = real(e, v, 2.5);
    boolean straight = Double.isFinite(at) && Math.abs(at - (b + 2.5 * a)) <= 1e-9 * (Math.abs(at) + 1);
    return straight && Math.abs(a) > 1e-12 ? new Linear(a, null, b, null) : null;
  }

  private double real(Node e, String v, double x) {
    Complex c = new Numeric(Map.of(v, x), deadline).value(e);
    return c.im() == 0 ? c.re() : Double.NaN;
  }
}
