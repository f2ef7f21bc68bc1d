package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entropyharness.metric.answer.compare.RealSet.Interval;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Node.SetOp;
import org.entropyharness.metric.answer.latex.Node.Sym;

/**
 * Reads a node as a set of real numbers: an interval {@code [a,b)}, a finite set {@code \{1,2\}}, unions,
 * intersections and differences of those, {@code \mathbb{R}}, and relations in one unknown ({@code -2 \le x \le
 * 7}, {@code y \geq 2}, {@code t \in [1,4]}, {@code 1 \le |z| \le 2}; see {@link InequalitySolver}).
 */
final class SetReader {
  private static final Set<String> INEQUALITIES = Set.of("<", "<=", ">", ">=");

  private final Deadline deadline;

  SetReader(Deadline deadline) {
    this.deadline = deadline;
  }

  /** True for a relation made only of inequalities, or a membership {@code x \in S}. */
  static boolean isSetRelation(Node n) {
    if (!(n instanceof Relation r)) {
      return false;
    }
    if (r.ops().size() == 1 && r.ops().get(0).equals("in")) {
      return true;
    }
    return INEQUALITIES.containsAll(r.ops());
  }

  /** The set {@code n} denotes, or null when it is not a set of reals. */
  RealSet read(Node n) {
    deadline.check();
    if (n instanceof Bracketed b) {
      return bracketed(b);
    } else if (n instanceof SetOp op) {
      return operation(op);
    } else if (n instanceof Sym s && (s.name().equals("mathbb{R}") || s.name().equals("\\R"))) {
      return RealSet.ALL;
    } else if (n instanceof Relation r && isSetRelation(r)) {
      return r.ops().get(0).equals("in") ? read(r.operands().get(1)) : new InequalitySolver(deadline).solve(r);
    } else if (n instanceof AnswerList list) {
      return list.items().stream().anyMatch(SetReader::isSetRelation) ? union(list.items()) : points(list.items());
    }
    return null;
  }

  private RealSet bracketed(Bracketed b) {
    if (b.open().equals("{")) {
      return points(b.items());
    }
    if (b.items().size() != 2 || !"([".contains(b.open()) || !")]".contains(b.close())) {
      return null;
    }
    Endpoint lo = Endpoint.of(b.items().get(0), deadline);
    Endpoint hi = Endpoint.of(b.items().get(1), deadline);
    if (lo == null || hi == null || lo.compareTo(hi) > 0) {
      return null;
    }
    return RealSet.of(List.of(new Interval(lo, b.open().equals("["), hi, b.close().equals("]"))));
  }

  /** Answers joined by "or": the union of what each one allows. */
  private RealSet union(List<Node> items) {
    RealSet out = RealSet.EMPTY;
    for (Node item : items) {
      RealSet s = isSetRelation(item) ? read(item) : points(List.of(item));
      if (s == null) {
        return null;
      }
      out = out.union(s);
    }
    return out;
  }

  private RealSet points(List<Node> items) {
    List<Interval> out = new ArrayList<>();
    for (Node item : items) {
      Endpoint e = Endpoint.of(item, deadline);
      if (e == null || e.isInfinite()) {
        return null;
      }
      out.add(new Interval(e, true, e, true));
    }
    return RealSet.of(out);
  }

  private RealSet operation(SetOp op) {
    RealSet a = read(op.left());
    RealSet b = a == null ? null : read(op.right());
    if (b == null) {
      return null;
    }
    return switch (op.op()) {
      case "cup" -> a.union(b);
      case "cap" -> a.intersect(b);
      default -> a.minus(b);
    };
  }
}
