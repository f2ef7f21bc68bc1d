package org.entropyharness.metric.answer.compare;

import java.util.Optional;
import org.entropyharness.metric.answer.latex.Complex;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Exact;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Numeric;
import org.entropyharness.metric.answer.latex.Rational;

/**
 * An end of an interval: exact when it is rational, else a double; ±∞ allowed.
 *
 * @param value the value as a double
 * @param exact the exact value, or null
 * @param source the node it was read from, or null when it was computed
 */
record Endpoint(double value, Rational exact, Node source) implements Comparable<Endpoint> {
  static final Endpoint NEGATIVE_INFINITY = new Endpoint(Double.NEGATIVE_INFINITY, null, null);
  static final Endpoint POSITIVE_INFINITY = new Endpoint(Double.POSITIVE_INFINITY, null, null);
  private static final double TOLERANCE = 1e-9;

  static Endpoint of(Rational r) {
    return new Endpoint(r.toDouble(), r, null);
  }

  /** The real constant {@code n} as an endpoint, or null when it is not a real constant. */
  static Endpoint of(Node n, Deadline deadline) {
    Optional<Exact> e = Exact.of(n);
    if (e.isPresent()) {
      return e.get().isReal() ? new Endpoint(e.get().re().toDouble(), e.get().re(), n) : null;
    }
    if (!Variables.of(n).isEmpty()) {
      return null;
    }
    Complex c = new Numeric(java.util.Map.of(), deadline).value(n);
    if (Double.isNaN(c.re()) || c.im() != 0) {
      return null;
    }
    return new Endpoint(c.re(), null, Double.isInfinite(c.re()) ? null : n);
  }

  boolean isInfinite() {
    return Double.isInfinite(value);
  }

  @Override
  public int compareTo(Endpoint o) {
    if (exact != null && o.exact != null) {
      return exact.compareTo(o.exact);
    }
    return sameAs(o) ? 0 : Double.compare(value, o.value);
  }

  boolean sameAs(Endpoint o) {
    if (exact != null && o.exact != null) {
      return exact.equals(o.exact);
    }
    if (isInfinite() || o.isInfinite()) {
      return value == o.value;
    }
    return Math.abs(value - o.value) <= TOLERANCE * Math.max(Math.abs(value), Math.abs(o.value)) + 1e-12;
  }
}
