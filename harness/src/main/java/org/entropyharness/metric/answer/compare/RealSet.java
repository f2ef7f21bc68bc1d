package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A subset of the real line as disjoint, sorted intervals (a point is a closed interval of length zero), so that
 * {@code [0,1) \cup [1,2]} and {@code [0,2]} are the same set.
 *
 * @param parts the intervals, sorted and merged
 */
record RealSet(List<Interval> parts) {
  static final RealSet EMPTY = new RealSet(List.of());
  static final RealSet ALL =
      new RealSet(List.of(new Interval(Endpoint.NEGATIVE_INFINITY, false, Endpoint.POSITIVE_INFINITY, false)));

  RealSet {
    parts = List.copyOf(parts);
  }

  /**
   * An interval between two endpoints.
   *
   * @param lo lower end
   * @param loClosed whether it contains its lower end
   * @param hi upper end
   * @param hiClosed whether it contains its upper end
   */
  record Interval(Endpoint lo, boolean loClosed, Endpoint hi, boolean hiClosed) {
    boolean isEmpty() {
      int c = lo.compareTo(hi);
      return c > 0 || (c == 0 && !(loClosed && hiClosed));
    }

    boolean sameAs(Interval o, BiPredicate<Endpoint, Endpoint> same) {
      return same.test(lo, o.lo) && same.test(hi, o.hi) && (lo.isInfinite() || loClosed == o.loClosed)
          && (hi.isInfinite() || hiClosed == o.hiClosed);
    }
  }

  /** The set from any intervals: empty ones dropped, overlapping or touching ones merged. */
  static RealSet of(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>();
    for (Interval i : intervals) {
      if (!i.isEmpty()) {
        sorted.add(i);
      }
    }
    sorted.sort(Comparator.comparing(Interval::lo, Endpoint::compareTo).thenComparing(i -> !i.loClosed()));
    List<Interval> merged = new ArrayList<>();
    for (Interval i : sorted) {
      Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && touches(last, i)) {
        merged.set(merged.size() - 1, join(last, i));
      } else {
        merged.add(i);
      }
    }
    return new RealSet(merged);
  }

  private static boolean touches(Interval a, Interval b) {
    int c = b.lo().compareTo(a.hi());
    return c < 0 || (c == 0 && (a.hiClosed() || b.loClosed()));
  }

  private static Interval join(Interval a, Interval b) {
    int c = b.hi().compareTo(a.hi());
    if (c > 0) {
      return new Interval(a.lo(), a.loClosed(), b.hi(), b.hiClosed());
    }
    return new Interval(a.lo(), a.loClosed(), a.hi(), a.hiClosed() || (c == 0 && b.hiClosed()));
  }

  RealSet union(RealSet o) {
    List<Interval> all = new ArrayList<>(parts);
    all.addAll(o.parts);
    return of(all);
  }

  RealSet intersect(RealSet o) {
    List<Interval> out = new ArrayList<>();
    for (Interval a : parts) {
      for (Interval b : o.parts) {
        int lo = a.lo().compareTo(b.lo());
        int hi = a.hi().compareTo(b.hi());
        Endpoint l = lo >= 0 ? a.lo() : b.lo();
        boolean lc = lo > 0 ? a.loClosed() : lo < 0 ? b.loClosed() : a.loClosed() && b.loClosed();
        Endpoint h = hi <= 0 ? a.hi() : b.hi();
        boolean hc = hi < 0 ? a.hiClosed() : hi > 0 ? b.hiClosed() : a.hiClosed() && b.hiClosed();
        out.add(new Interval(l, lc, h, hc));
      }
    }
    return of(out);
  }

  RealSet complement() {
    List<Interval> out = new ArrayList<>();
    Endpoint from = Endpoint.NEGATIVE_INFINITY;
    boolean fromClosed = false;
    for (Interval i : parts) {
      out.add(new Interval(from, fromClosed, i.lo(), !i.loClosed()));
      from = i.hi();
      fromClosed = !i.hiClosed();
    }
    out.add(new Interval(from, fromClosed, Endpoint.POSITIVE_INFINITY, false));
    return of(out);
  }

  RealSet minus(RealSet o) {
    return intersect(o.complement());
  }

  /** True when both have the same intervals, their ends equal as {@code same} says. */
  boolean sameAs(RealSet o, BiPredicate<Endpoint, Endpoint> same) {
    if (parts.size() != o.parts.size()) {
      return false;
    }
    for (int k = 0; k < parts.size(); k++) {
      if (!parts.get(k).sameAs(o.parts.get(k), same)) {
        return false;
      }
    }
    return true;
  }
}
