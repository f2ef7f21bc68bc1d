package org.entropyharness.metric.answer.compare;

import java.util.List;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.BaseNumber;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Degrees;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Matrix;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Percent;
import org.entropyharness.metric.answer.latex.Node.Ratio;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Node.SetOp;
import org.entropyharness.metric.answer.latex.Node.Text;
import org.entropyharness.metric.answer.latex.Rational;

/**
 * Whether a predicted answer means the same as a reference answer, as a mathematician reads them. The reference
 * comes first because it decides the reading: a prediction {@code x = 11} answers a reference {@code 11}, but a
 * reference {@code 7 = 11a + c} is not answered by {@code 11a + c}. The kinds of answer, in the order they are
 * tried: several answers ({@link CollectionEquivalence}), {@code ±}, relations and equations ({@link
 * RelationEquivalence}), text ({@link TextEquivalence}), percentages and degrees, intervals, sets, tuples and
 * matrices ({@link StructureEquivalence}), ratios, numbers in a base, and values ({@link ValueEquivalence}).
 */
public final class Equivalence {
  private static final Num HUNDRED = new Num(Rational.of(100), -1);
  private static final Node DEGREE = new Div(new Const("pi"), new Num(Rational.of(180), -1));

  private final Deadline deadline;
  private final ValueEquivalence values;
  private final CollectionEquivalence collections;
  private final RelationEquivalence relations;
  private final StructureEquivalence structures;
  private final TextEquivalence texts;

  /** An equivalence whose every step checks {@code deadline}. */
  public Equivalence(Deadline deadline) {
    this.deadline = deadline;
    this.values = new ValueEquivalence(deadline);
    this.collections = new CollectionEquivalence(this);
    this.relations = new RelationEquivalence(this, deadline);
    this.structures = new StructureEquivalence(this, deadline);
    this.texts = new TextEquivalence(this, deadline);
  }

  /** True when {@code pred} means the same as {@code gold}. */
  public boolean equal(Node gold, Node pred) {
    deadline.check();
    if (gold.equals(pred)) {
      return true;
    }
    Node g = liftMarks(gold);
    Node p = liftMarks(pred);
    if (PlusMinusExpansion.contains(g) || PlusMinusExpansion.contains(p)) {
      return collections.unordered(alternatives(g), alternatives(p));
    }
    if ((g instanceof AnswerList && p instanceof Relation) || (g instanceof Relation && p instanceof AnswerList)) {
      return relations.equal(g, p);
    }
    if (g instanceof AnswerList || p instanceof AnswerList) {
      return collections.equal(g, p) || structures.sameSet(g, p);
    }
    if (g instanceof Relation || p instanceof Relation) {
      return relations.equal(g, p);
    }
    if (g instanceof Text || p instanceof Text) {
      return texts.equal(g, p);
    }
    return marked(g, p);
  }

  /** The answers a node stands for: its items if it is a set or list, else its ± expansion. */
  private static List<Node> alternatives(Node n) {
    List<Node> items = CollectionEquivalence.unorderedItems(n);
    return items != null ? items : PlusMinusExpansion.expand(n);
  }

  private boolean marked(Node g, Node p) {
    if (g instanceof Percent pg) {
      return p instanceof Percent pp ? equal(pg.x(), pp.x()) : equal(pg.x(), p) || equal(new Div(pg.x(), HUNDRED), p);
    }
    if (p instanceof Percent pp) {
      return equal(g, pp.x()) || equal(g, new Div(pp.x(), HUNDRED));
    }
    if (g instanceof Degrees dg) {
      return p instanceof Degrees dp ? equal(dg.x(), dp.x()) : equal(dg.x(), p) || equal(radians(dg.x()), p);
    }
    if (p instanceof Degrees dp) {
      return equal(g, dp.x()) || equal(g, radians(dp.x()));
    }
    return structured(g, p);
  }

  private boolean structured(Node gold, Node pred) {
    Node g = MatrixAlgebra.involvesMatrix(gold) ? MatrixAlgebra.reduce(gold) : gold;
    Node p = MatrixAlgebra.involvesMatrix(pred) ? MatrixAlgebra.reduce(pred) : pred;
    if (isStructure(g) || isStructure(p)) {
      return structures.equal(g, p);
    }
    if (g instanceof Ratio || p instanceof Ratio) {
      return ratio(g, p);
    }
    if (g instanceof BaseNumber || p instanceof BaseNumber) {
      return baseNumber(g, p);
    }
    return values.equal(g, p);
  }

  /** Two ends of intervals: equal exactly, as values (a rounded decimal end matches), or both the same infinity. */
  boolean sameEnd(Endpoint a, Endpoint b) {
    if (a.sameAs(b)) {
      return true;
    }
    return a.source() != null && b.source() != null && values.equal(a.source(), b.source());
  }

  static boolean isStructure(Node n) {
    return n instanceof Bracketed || n instanceof Matrix || n instanceof SetOp;
  }

  private static Node radians(Node degrees) {
    return new Mul(List.of(degrees, DEGREE));
  }

  /** {@code -5\%} parses as the negation of 5%; the mark belongs outside. */
  private static Node liftMarks(Node n) {
    if (n instanceof Neg neg && neg.x() instanceof Percent p) {
      return new Percent(new Neg(p.x()));
    }
    if (n instanceof Neg neg && neg.x() instanceof Degrees d) {
      return new Degrees(new Neg(d.x()));
    }
    return n;
  }

  /** Ratios {@code a:b} equal part by part, or as the fractions {@code a/b}; a ratio against a number as a/b. */
  private boolean ratio(Node g, Node p) {
    if (g instanceof Ratio rg && p instanceof Ratio rp) {
      if (rg.parts().size() != rp.parts().size()) {
        return false;
      }
      boolean partwise = true;
      for (int k = 0; k < rg.parts().size() && partwise; k++) {
        partwise = equal(rg.parts().get(k), rp.parts().get(k));
      }
      return partwise || (rg.parts().size() == 2 && nonZeroSecond(rg) && nonZeroSecond(rp)
          && values.equal(fraction(rg), fraction(rp)));
    }
    Ratio r = g instanceof Ratio rg ? rg : (Ratio) p;
    Node other = g instanceof Ratio ? p : g;
    return r.parts().size() == 2 && nonZeroSecond(r) && (g instanceof Ratio ? equal(fraction(r), other)
        : equal(other, fraction(r)));
  }

  private boolean nonZeroSecond(Ratio r) {
    return !values.equal(r.parts().get(1), new Num(Rational.ZERO, -1));
  }

  private static Node fraction(Ratio r) {
    return new Div(r.parts().get(0), r.parts().get(1));
  }

  private static boolean baseNumber(Node g, Node p) {
    if (g instanceof BaseNumber bg && p instanceof BaseNumber bp) {
      return bg.base().equals(bp.base()) && strip(bg.digits()).equals(strip(bp.digits()));
    }
    BaseNumber b = g instanceof BaseNumber bg ? bg : (BaseNumber) p;
    Node other = g instanceof BaseNumber ? p : g;
    return b.base().equals("10") && other instanceof Num n && n.value().toString().equals(strip(b.digits()));
  }

  private static String strip(String digits) {
    String s = digits.replaceFirst("^0+(?=.)", "");
    return s.toUpperCase(java.util.Locale.ROOT);
  }
}
