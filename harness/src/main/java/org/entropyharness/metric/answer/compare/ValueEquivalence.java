package org.entropyharness.metric.answer.compare;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.entropyharness.metric.answer.latex.Complex;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Exact;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Numeric;
import org.entropyharness.metric.answer.latex.Rational;

/**
 * Equality of two values. Exact values (rationals, Gaussian rationals) must be equal exactly, so AIME's 1000000
 * never matches 1000001; a decimal on one side only stands for the exact value on the other when that value
 * rounds to it at the decimal's precision and the decimal has at least four significant digits ({@code 0.3333} for
 * 1/3, {@code 1.414} for √2; not {@code 0.33}, not {@code 3.14} for π). Other values are compared in doubles to a relative 1e-9; expressions
 * with variables at six random points of (0.3, 2.3), where every point both sides define must agree.
 */
final class ValueEquivalence {
  private static final double TOLERANCE = 1e-9;
  private static final double POINT_TOLERANCE = 1e-8;
  private static final int POINTS = 6;
  private static final int MIN_POINTS = 2;
  /** A decimal with fewer significant digits is too coarse to stand for an exact value. */
  private static final int MIN_DIGITS = 4;

  private final Deadline deadline;

  ValueEquivalence(Deadline deadline) {
    this.deadline = deadline;
  }

  boolean equal(Node g, Node p) {
    Optional<Exact> eg = Exact.of(g);
    Optional<Exact> ep = eg.isPresent() ? Exact.of(p) : Optional.empty();
    Num dg = decimal(g);
    Num dp = decimal(p);
    if (eg.isPresent() && ep.isPresent()) {
      if (eg.get().equals(ep.get())) {
        return true;
      }
      if ((dg == null) == (dp == null)) {
        return false;
      }
      return dg != null ? roundsTo(ep.get(), signed(g, dg), dg) : roundsTo(eg.get(), signed(p, dp), dp);
    }
    TreeSet<String> vars = Variables.of(g, p);
    if (vars.isEmpty()) {
      return constantsEqual(g, p, dg, dp);
    }
    return atPoints(g, p, vars);
  }

  private boolean constantsEqual(Node g, Node p, Num dg, Num dp) {
    Numeric at = new Numeric(Map.of(), deadline);
    Complex vg = at.value(g);
    Complex vp = at.value(p);
    if ((dg == null) != (dp == null)) {
      Num d = dg != null ? dg : dp;
      Complex other = dg != null ? vp : vg;
      Rational written = dg != null ? signed(g, dg) : signed(p, dp);
      return other.isFinite() && Math.abs(other.im()) < 1e-12 && sigDigits(d) >= MIN_DIGITS
          && Math.abs(other.re() - written.toDouble()) <= 0.5 * Math.pow(10, -d.decimals()) * (1 + 1e-9);
    }
    return vg.closeTo(vp, TOLERANCE);
  }

  /** True when both sides agree at every random point where both are defined, and at two points at least. */
  boolean atPoints(Node g, Node p, TreeSet<String> vars) {
    int compared = 0;
    for (int k = 0; k < POINTS; k++) {
      Numeric at = new Numeric(point(vars, k), deadline);
      Complex vg = at.value(g);
      Complex vp = at.value(p);
      if (vg.isFinite() != vp.isFinite()) {
        return false;
      }
      if (vg.isFinite()) {
        if (!vg.closeTo(vp, POINT_TOLERANCE)) {
          return false;
        }
        compared++;
      }
    }
    return compared >= MIN_POINTS;
  }

  /** Fixed pseudo-random values in [0.3, 2.3), away from the zeros and poles of simple answers. */
  static Map<String, Double> point(TreeSet<String> vars, int k) {
    Map<String, Double> at = new HashMap<>();
    Random random = new Random(7919L * (k + 1));
    for (String v : vars) {
      at.put(v, 0.3 + 2 * random.nextDouble());
    }
    return at;
  }

  /** The decimal literal {@code n} is (possibly negated), or null. */
  static Num decimal(Node n) {
    Node x = n instanceof Neg neg ? neg.x() : n;
    return x instanceof Num num && num.decimals() > 0 ? num : null;
  }

  private static Rational signed(Node n, Num d) {
    return n instanceof Neg ? d.value().negate() : d.value();
  }

  private static boolean roundsTo(Exact exact, Rational written, Num literal) {
    if (!exact.isReal() || sigDigits(literal) < MIN_DIGITS) {
      return false;
    }
    Rational halfUlp = new Rational(BigInteger.ONE, BigInteger.TEN.pow(literal.decimals()).shiftLeft(1));
    return exact.re().subtract(written).abs().compareTo(halfUlp) <= 0;
  }

  /** Significant digits of a decimal literal: 0.033 has two, 3.14 three. */
  static int sigDigits(Num d) {
    BigInteger scaled = d.value().abs().num().multiply(BigInteger.TEN.pow(Math.max(0, d.decimals())))
        .divide(d.value().den());
    return scaled.signum() == 0 ? 0 : scaled.toString().length();
  }
}
