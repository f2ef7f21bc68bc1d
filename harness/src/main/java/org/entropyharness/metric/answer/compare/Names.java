package org.entropyharness.metric.answer.compare;

import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Apply;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Ratio;
import org.entropyharness.metric.answer.latex.Node.Sym;
import org.entropyharness.metric.answer.latex.Node.Text;

/**
 * What may stand on the left of an assignment: a symbol ({@code x}, {@code a_{3}}), a product of symbols ({@code
 * AB}), a function value ({@code f(x)}, {@code p(8)}), and quotients, ratios, absolute values and tuples of names
 * ({@code NO/BO}, {@code A:B}, {@code |AB|}, {@code (m,n)}). A name holds no number outside its subscripts and no sum.
 */
final class Names {
  private Names() {}

  static boolean isName(Node n) {
    if (n instanceof Sym || n instanceof Apply || n instanceof Text) {
      return true;
    }
    if (n instanceof Mul m) {
      return m.factors().stream().allMatch(Names::isName);
    }
    if (n instanceof Div d) {
      return isName(d.num()) && isName(d.den());
    }
    if (n instanceof Ratio r) {
      return r.parts().stream().allMatch(Names::isName);
    }
    if (n instanceof Fn f) {
      return f.name().equals("abs") && f.args().size() == 1 && isName(f.args().get(0));
    }
    return n instanceof Bracketed b && !b.items().isEmpty() && b.items().stream().allMatch(Names::isName);
  }
}
