package org.entropyharness.metric.answer.compare;

import java.util.Set;
import java.util.TreeSet;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Apply;
import org.entropyharness.metric.answer.latex.Node.Degrees;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Percent;
import org.entropyharness.metric.answer.latex.Node.Pow;
import org.entropyharness.metric.answer.latex.Node.Root;
import org.entropyharness.metric.answer.latex.Node.Sym;

/** The free variables of an arithmetic node, in name order; an unknown function {@code f} counts as {@code f()}. */
final class Variables {
  private Variables() {}

  static TreeSet<String> of(Node... nodes) {
    TreeSet<String> names = new TreeSet<>();
    for (Node n : nodes) {
      collect(n, names);
    }
    return names;
  }

  private static void collect(Node n, Set<String> into) {
    if (n instanceof Sym s) {
      into.add(s.name());
    } else if (n instanceof Add a) {
      a.terms().forEach(t -> collect(t, into));
    } else if (n instanceof Mul m) {
      m.factors().forEach(f -> collect(f, into));
    } else if (n instanceof Neg neg) {
      collect(neg.x(), into);
    } else if (n instanceof Div d) {
      collect(d.num(), into);
      collect(d.den(), into);
    } else if (n instanceof Pow p) {
      collect(p.base(), into);
      collect(p.exponent(), into);
    } else if (n instanceof Root r) {
      collect(r.index(), into);
      collect(r.radicand(), into);
    } else if (n instanceof Fn f) {
      f.args().forEach(x -> collect(x, into));
    } else if (n instanceof Apply a) {
      // The function itself is unknown, so a node that applies one is not a constant.
      into.add(a.name() + "()");
      a.args().forEach(x -> collect(x, into));
    } else if (n instanceof Percent p) {
      collect(p.x(), into);
    } else if (n instanceof Degrees d) {
      collect(d.x(), into);
    }
  }
}
