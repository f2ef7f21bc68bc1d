package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.entropyharness.metric.answer.latex.Complex;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Numeric;

/**
 * Equations, inequalities and memberships.
 *
 * <ul>
 *   <li>An assignment (a name on the left: {@code x = 5}, {@code (m,n) = (5,1)}, {@code f(x) = 1}, {@code |AB| =
 *       1}) answers with its value; a chain {@code w = 2+2 = 4} with its last value ({@code ≈} steps after it are
 *       dropped). A predicted equation against a reference value answers with its last value too; a reference
 *       equation that is not an assignment needs an equation.
 *   <li>Two assignments to the same name compare values; other equations are equal when one side minus the other
 *       is a nonzero multiple of the same for the other equation ({@code 2x+4y-3=0} and {@code y=-x/2+3/4}).
 *   <li>Inequalities in one unknown and memberships are sets ({@link SetReader}); otherwise inequalities are equal
 *       when their differences are positive multiples of each other, or link by link after turning {@code >} into
 *       {@code <}.
 * </ul>
 */
final class RelationEquivalence {
  private static final Set<String> EQUATION = Set.of("=", "~=");
  private static final double RATIO_TOLERANCE = 1e-7;

  private final Equivalence eq;
  private final Deadline deadline;
  private final SetReader sets;

  RelationEquivalence(Equivalence eq, Deadline deadline) {
    this.eq = eq;
    this.deadline = deadline;
    this.sets = new SetReader(deadline);
  }

  boolean equal(Node g, Node p) {
    Relation rg = g instanceof Relation r ? r : null;
    Relation rp = p instanceof Relation r ? r : null;
    if (rp == null) {
      return goldOnly(rg, p);
    }
    if (rg == null) {
      return predictionOnly(g, rp);
    }
    if (SetReader.isSetRelation(rg) && SetReader.isSetRelation(rp)) {
      return inequalities(rg, rp);
    }
    if (isEquation(rg) && isEquation(rp)) {
      return equations(rg, rp);
    }
    return rg.ops().equals(List.of("!=")) && rp.ops().equals(List.of("!="))
        && proportional(rg.operands().get(0), rg.operands().get(1), rp.operands().get(0), rp.operands().get(1), false);
  }

  private boolean goldOnly(Relation rg, Node p) {
    if (isMembership(rg)) {
      return eq.equal(rg.operands().get(1), p);
    }
    if (SetReader.isSetRelation(rg)) {
      return sameSet(rg, p);
    }
    return isEquation(rg) && Names.isName(rg.operands().get(0)) && eq.equal(value(rg), p);
  }

  private boolean predictionOnly(Node g, Relation rp) {
    if (isMembership(rp)) {
      return eq.equal(g, rp.operands().get(1));
    }
    if (SetReader.isSetRelation(rp)) {
      return sameSet(g, rp);
    }
    return isEquation(rp) && (eq.equal(g, value(rp)) || approximations(rp).stream().anyMatch(a -> eq.equal(g, a)));
  }

  /** The operands after the value that an {@code ≈} links to it ({@code 70/9 ≈ 7.78}): each stands for the answer. */
  private static List<Node> approximations(Relation r) {
    List<Node> out = new ArrayList<>();
    int last = r.ops().lastIndexOf("=");
    for (int k = last + 1; k < r.ops().size(); k++) {
      if (r.ops().get(k).equals("~=")) {
        out.add(r.operands().get(k));
        out.add(r.operands().get(k + 1));
      }
    }
    out.removeIf(Names::isName);
    return out;
  }

  private boolean sameSet(Node g, Node p) {
    RealSet sg = sets.read(g);
    RealSet sp = sg == null ? null : sets.read(p);
    return sp != null && sg.sameAs(sp, eq::sameEnd);
  }

  private boolean inequalities(Relation g, Relation p) {
    RealSet sg = sets.read(g);
    RealSet sp = sets.read(p);
    if (sg != null && sp != null) {
      return sg.sameAs(sp, eq::sameEnd);
    }
    if (isMembership(g) || isMembership(p)) {
      return isMembership(g) && isMembership(p) && eq.equal(g.operands().get(0), p.operands().get(0))
          && eq.equal(g.operands().get(1), p.operands().get(1));
    }
    Relation og = ascending(g);
    Relation op = ascending(p);
    if (og.ops().size() == 1 && op.ops().size() == 1 && og.ops().equals(op.ops())) {
      return proportional(og.operands().get(0), og.operands().get(1), op.operands().get(0), op.operands().get(1), true);
    }
    return og.ops().equals(op.ops()) && new CollectionEquivalence(eq).inOrder(og.operands(), op.operands());
  }

  private boolean equations(Relation g, Relation p) {
    Node lg = g.operands().get(0);
    Node lp = p.operands().get(0);
    if (Names.isName(lg) && Names.isName(lp) && eq.equal(lg, lp)) {
      return eq.equal(value(g), value(p));
    }
    return proportional(lg, value(g), lp, value(p), false);
  }

  private static boolean isEquation(Relation r) {
    return EQUATION.containsAll(r.ops());
  }

  private static boolean isMembership(Relation r) {
    return r.ops().equals(List.of("in"));
  }

  /** The value an equation chain ends in: the operand after its last {@code =}, ignoring approximations after it. */
  static Node value(Relation r) {
    int last = r.ops().lastIndexOf("=");
    return r.operands().get(last < 0 ? r.operands().size() - 1 : last + 1);
  }

  /** A chain of {@code >} and {@code >=} read from the other end, so that it uses {@code <} and {@code <=}. */
  private static Relation ascending(Relation r) {
    if (r.ops().stream().noneMatch(o -> o.startsWith(">"))) {
      return r;
    }
    if (!r.ops().stream().allMatch(o -> o.startsWith(">"))) {
      return r;
    }
    List<Node> operands = new ArrayList<>(r.operands());
    Collections.reverse(operands);
    List<String> ops = new ArrayList<>();
    for (int k = r.ops().size() - 1; k >= 0; k--) {
      ops.add(InequalitySolver.flip(r.ops().get(k)));
    }
    return new Relation(operands, ops);
  }

  /**
   * True when {@code gl - gr} is a constant nonzero multiple (positive, if asked) of {@code pl - pr} at every
   * random point where both are defined, and at two points at least.
   */
  private boolean proportional(Node gl, Node gr, Node pl, Node pr, boolean positive) {
    Node dg = new Add(List.of(gl, new Neg(gr)));
    Node dp = new Add(List.of(pl, new Neg(pr)));
    TreeSet<String> vars = Variables.of(dg, dp);
    if (vars.isEmpty()) {
      return false;
    }
    Complex ratio = null;
    int compared = 0;
    for (int k = 0; k < 6; k++) {
      Numeric at = new Numeric(ValueEquivalence.point(vars, k), deadline);
      Complex a = at.value(dg);
      Complex b = at.value(dp);
      if (!a.isFinite() || !b.isFinite() || (a.closeTo(Complex.real(0), 0) && b.closeTo(Complex.real(0), 0))) {
        continue;
      }
      if (b.closeTo(Complex.real(0), 0)) {
        return false;
      }
      Complex r = divide(a, b);
      if (ratio == null) {
        ratio = r;
      } else if (!r.closeTo(ratio, RATIO_TOLERANCE)) {
        return false;
      }
      compared++;
    }
    return compared >= 2 && ratio.abs() > 1e-12 && (!positive || (ratio.re() > 0 && Math.abs(ratio.im()) < 1e-12));
  }

  private static Complex divide(Complex a, Complex b) {
    double norm = b.re() * b.re() + b.im() * b.im();
    return new Complex((a.re() * b.re() + a.im() * b.im()) / norm, (a.im() * b.re() - a.re() * b.im()) / norm);
  }
}
