package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.PlusMinus;
import org.entropyharness.metric.answer.latex.Node.Pow;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Node.Root;

/**
 * {@code a \pm b} is two answers, {@code a+b} and {@code a-b}; an answer with several signs is every combination
 * (at most {@link #MAX} of them). Expanded inside arithmetic and relations ({@code x = 1 \pm \sqrt{19}}).
 */
final class PlusMinusExpansion {
  private static final int MAX = 16;

  private PlusMinusExpansion() {}

  static boolean contains(Node n) {
    if (n instanceof PlusMinus) {
      return true;
    }
    if (n instanceof Node.Num || n instanceof Node.Sym || n instanceof Node.Const) {
      return false;
    }
    for (Node child : children(n)) {
      if (contains(child)) {
        return true;
      }
    }
    return false;
  }

  static List<Node> expand(Node n) {
    if (n instanceof PlusMinus pm) {
      List<Node> out = new ArrayList<>();
      for (Node b : expand(pm.b())) {
        if (pm.a() == null) {
          out.add(b);
          out.add(new Neg(b));
        } else {
          for (Node a : expand(pm.a())) {
            out.add(new Add(List.of(a, b)));
            out.add(new Add(List.of(a, new Neg(b))));
          }
        }
      }
      return cap(out);
    }
    List<Node> kids = children(n);
    if (kids.isEmpty() || kids.stream().noneMatch(PlusMinusExpansion::contains)) {
      return List.of(n);
    }
    List<List<Node>> combos = new ArrayList<>();
    combos.add(List.of());
    for (Node k : kids) {
      List<List<Node>> next = new ArrayList<>();
      for (List<Node> prefix : combos) {
        for (Node choice : expand(k)) {
          List<Node> c = new ArrayList<>(prefix);
          c.add(choice);
          next.add(c);
        }
      }
      combos = cap(next);
    }
    return combos.stream().map(rebuild(n)).toList();
  }

  private static <T> List<T> cap(List<T> list) {
    if (list.size() > MAX) {
      throw new org.entropyharness.metric.answer.latex.NotAnExpression("too many ± combinations");
    }
    return list;
  }

  private static List<Node> children(Node n) {
    if (n instanceof Add a) {
      return a.terms();
    } else if (n instanceof Mul m) {
      return m.factors();
    } else if (n instanceof Neg neg) {
      return List.of(neg.x());
    } else if (n instanceof Div d) {
      return List.of(d.num(), d.den());
    } else if (n instanceof Pow p) {
      return List.of(p.base(), p.exponent());
    } else if (n instanceof Root r) {
      return List.of(r.index(), r.radicand());
    } else if (n instanceof Fn f) {
      return f.args();
    } else if (n instanceof Relation r) {
      return r.operands();
    }
    return List.of();
  }

  private static Function<List<Node>, Node> rebuild(Node n) {
    return c -> {
      if (n instanceof Add) {
        return new Add(c);
      } else if (n instanceof Mul) {
        return new Mul(c);
      } else if (n instanceof Neg) {
        return new Neg(c.get(0));
      } else if (n instanceof Div) {
        return new Div(c.get(0), c.get(1));
      } else if (n instanceof Pow) {
        return new Pow(c.get(0), c.get(1));
      } else if (n instanceof Root) {
        return new Root(c.get(0), c.get(1));
      } else if (n instanceof Fn f) {
        return new Fn(f.name(), c);
      }
      return new Relation(c, ((Relation) n).ops());
    };
  }
}
