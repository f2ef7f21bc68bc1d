package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Matrix;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.SetOp;

/**
 * Intervals, sets, tuples, vectors and matrices. Anything that reads as a set of reals ({@code [a,b)}, a union, a
 * half-line, {@code \mathbb{R}}) is compared as a set, so the order of a union and how pieces touch do not matter.
 * Otherwise: sets in any order; a tuple against a set in the tuple's order; a pair keeps its brackets (an open
 * interval is not a closed one); longer tuples, lists and vectors item by item whatever their brackets; a column
 * or row matrix as the vector of its entries.
 */
final class StructureEquivalence {
  private final Equivalence eq;
  private final SetReader sets;
  private final CollectionEquivalence collections;

  StructureEquivalence(Equivalence eq, Deadline deadline) {
    this.eq = eq;
    this.sets = new SetReader(deadline);
    this.collections = new CollectionEquivalence(eq);
  }

  boolean equal(Node g, Node p) {
    if (setLike(g) || setLike(p)) {
      RealSet sg = sets.read(g);
      RealSet sp = sg == null ? null : sets.read(p);
      if (sp != null) {
        return sg.sameAs(sp, eq::sameEnd);
      }
    }
    if (g instanceof Bracketed bg && p instanceof Bracketed bp) {
      return brackets(bg, bp);
    }
    List<Node> vg = vector(g);
    List<Node> vp = vector(p);
    if (g instanceof Matrix mg && p instanceof Matrix mp) {
      return matrices(mg, mp);
    }
    if (vg != null && vp != null) {
      return collections.inOrder(vg, vp);
    }
    if (g instanceof SetOp og && p instanceof SetOp op) {
      return og.op().equals(op.op()) && ((eq.equal(og.left(), op.left()) && eq.equal(og.right(), op.right()))
          || (!og.op().equals("setminus") && eq.equal(og.left(), op.right()) && eq.equal(og.right(), op.left())));
    }
    return singleton(g, p);
  }

  /** True when both read as sets of reals, one of them with a relation or set operation, and the sets are equal. */
  boolean sameSet(Node g, Node p) {
    if (!(setLike(g) || setLike(p) || SetReader.isSetRelation(g) || SetReader.isSetRelation(p) || hasSetRelation(g)
        || hasSetRelation(p))) {
      return false;
    }
    RealSet sg = sets.read(g);
    RealSet sp = sg == null ? null : sets.read(p);
    return sp != null && sg.sameAs(sp, eq::sameEnd);
  }

  private static boolean hasSetRelation(Node n) {
    return n instanceof Node.AnswerList l && l.items().stream().anyMatch(SetReader::isSetRelation);
  }

  /** A node whose brackets or operators say it is a set of reals rather than a tuple. */
  private static boolean setLike(Node n) {
    if (n instanceof SetOp) {
      return true;
    }
    if (n instanceof Bracketed b && b.items().size() == 2 && !b.open().equals("{") && !b.open().equals("<")) {
      return b.open().equals("[") || b.close().equals("]") || isInfinite(b.items().get(0))
          || isInfinite(b.items().get(1));
    }
    return false;
  }

  private static boolean isInfinite(Node n) {
    Node x = n instanceof Neg neg ? neg.x() : n;
    return x instanceof Const c && c.name().equals("infty");
  }

  private boolean brackets(Bracketed g, Bracketed p) {
    boolean gSet = g.open().equals("{");
    boolean pSet = p.open().equals("{");
    if (gSet && pSet) {
      return collections.unordered(g.items(), p.items());
    }
    if (gSet || pSet) {
      return gSet ? collections.unordered(g.items(), p.items()) : collections.inOrder(g.items(), p.items());
    }
    if (g.items().size() == 2 && !(g.open().equals(p.open()) && g.close().equals(p.close()))) {
      return false;
    }
    return collections.inOrder(g.items(), p.items());
  }

  private boolean matrices(Matrix g, Matrix p) {
    if (g.rows().size() != p.rows().size() || g.rows().get(0).size() != p.rows().get(0).size()) {
      List<Node> vg = vector(g);
      List<Node> vp = vector(p);
      return vg != null && vp != null && collections.inOrder(vg, vp);
    }
    for (int r = 0; r < g.rows().size(); r++) {
      if (!collections.inOrder(g.rows().get(r), p.rows().get(r))) {
        return false;
      }
    }
    return true;
  }

  /** The entries of a one-row or one-column matrix, or of an ordered tuple; null otherwise. */
  private static List<Node> vector(Node n) {
    if (n instanceof Matrix m) {
      if (m.rows().size() == 1) {
        return m.rows().get(0);
      }
      if (m.rows().get(0).size() == 1) {
        List<Node> column = new ArrayList<>();
        m.rows().forEach(r -> column.add(r.get(0)));
        return column;
      }
      return null;
    }
    if (n instanceof Bracketed b && !b.open().equals("{")) {
      return b.items();
    }
    return null;
  }

  /** A one-element set against a single answer: {5} answers 5. */
  private boolean singleton(Node g, Node p) {
    if (g instanceof Bracketed b && b.open().equals("{") && b.items().size() == 1) {
      return eq.equal(b.items().get(0), p);
    }
    if (p instanceof Bracketed b && b.open().equals("{") && b.items().size() == 1) {
      return eq.equal(g, b.items().get(0));
    }
    return false;
  }
}
