package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.answer.compare.RealSet.Interval;
import org.entropyharness.metric.answer.latex.Rational;

/**
 * A linear function {@code a·v + b} of one unknown, exact where its coefficients are rational.
 *
 * @param a the slope, nonzero
 * @param exactA the slope exactly, or null
 * @param b the intercept
 * @param exactB the intercept exactly, or null
 */
record Linear(double a, Rational exactA, double b, Rational exactB) {
  /** The values of v whose image lies in {@code target}. */
  RealSet inverse(RealSet target) {
    List<Interval> out = new ArrayList<>();
    for (Interval i : target.parts()) {
      Endpoint lo = back(i.lo());
      Endpoint hi = back(i.hi());
      out.add(a > 0 ? new Interval(lo, i.loClosed(), hi, i.hiClosed()) : new Interval(hi, i.hiClosed(), lo, i.loClosed()));
    }
    return RealSet.of(out);
  }

  private Endpoint back(Endpoint u) {
    if (u.isInfinite()) {
      return (u.value() > 0) == (a > 0) ? Endpoint.POSITIVE_INFINITY : Endpoint.NEGATIVE_INFINITY;
    }
    if (u.exact() != null && exactA != null && exactB != null) {
      return Endpoint.of(u.exact().subtract(exactB).divide(exactA));
    }
    return new Endpoint((u.value() - b) / a, null, null);
  }
}
