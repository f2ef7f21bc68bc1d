package org.entropyharness.metric.answer.latex;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Degrees;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Percent;
import org.entropyharness.metric.answer.latex.Node.PlusMinus;
import org.entropyharness.metric.answer.latex.Node.Pow;
import org.entropyharness.metric.answer.latex.Node.SetOp;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Arithmetic by precedence: set operations ({@code \cup}) over sums ({@code + - \pm}) over products (explicit and
 * implicit: {@code 2\sqrt3}, {@code 3\pi}, {@code 2(x+1)}) over signs over powers over postfix marks ({@code !},
 * {@code \%}, {@code ^\circ}, subscripts). A whole number followed by a numeric {@code \frac} is a mixed number.
 */
final class ArithmeticParser {
  private final TokenCursor cursor;
  private final PrimaryParser primaries;

  ArithmeticParser(TokenCursor cursor, LatexParser lists) {
    this.cursor = cursor;
    this.primaries = new PrimaryParser(cursor, lists, this);
  }

  Node setExpression() {
    Node left = additive();
    while (cursor.atOperator("cup") || cursor.atOperator("cap") || cursor.atOperator("setminus")) {
      String op = cursor.next().text();
      left = new SetOp(op, left, additive());
    }
    return left;
  }

  Node additive() {
    Node left = term();
    while (cursor.atOperator("+") || cursor.atOperator("-") || cursor.atOperator("pm") || cursor.atOperator("mp")) {
      String op = cursor.next().text();
      Node right = term();
      left = switch (op) {
        case "+" -> plus(left, right);
        case "-" -> plus(left, new Neg(right));
        case "pm" -> new PlusMinus(left, right);
        default -> new PlusMinus(left, new Neg(right));
      };
    }
    return left;
  }

  private static Node plus(Node left, Node right) {
    List<Node> terms = new ArrayList<>();
    if (left instanceof Add a) {
      terms.addAll(a.terms());
    } else {
      terms.add(left);
    }
    terms.add(right);
    return new Add(terms);
  }

  Node term() {
    Node left = unary();
    while (true) {
      cursor.checkTime();
      if (cursor.atOperator("*")) {
        cursor.next();
        left = times(left, unary());
      } else if (cursor.atOperator("/")) {
        cursor.next();
        left = new Div(left, unary());
      } else if (cursor.at(Kind.WORD) && UnitWords.powerOfTen(cursor.peek().text()) > 0) {
        int p = UnitWords.powerOfTen(cursor.next().text());
        left = times(left, new Pow(new Num(Rational.of(10), -1), new Num(Rational.of(p), -1)));
      } else if (primaries.startsImplicitFactor(left)) {
        boolean fraction = cursor.at(Kind.COMMAND, "frac");
        left = juxtapose(left, power(), fraction);
      } else {
        return left;
      }
    }
  }

  private static Node times(Node left, Node right) {
    List<Node> factors = new ArrayList<>();
    if (left instanceof Mul m) {
      factors.addAll(m.factors());
    } else {
      factors.add(left);
    }
    factors.add(right);
    return new Mul(factors);
  }

  /** Implicit multiplication, except that {@code 2\frac{1}{3}} is the mixed number two and a third. */
  private static Node juxtapose(Node left, Node right, boolean fraction) {
    if (fraction && right instanceof Div d && isWhole(d.num()) && isWhole(d.den())) {
      if (isWhole(left)) {
        return new Add(List.of(left, right));
      }
      if (left instanceof Neg n && isWhole(n.x())) {
        return new Neg(new Add(List.of(n.x(), right)));
      }
    }
    return times(left, right);
  }

  private static boolean isWhole(Node n) {
    return n instanceof Num num && num.decimals() < 0 && num.value().isInteger();
  }

  Node unary() {
    cursor.enter();
    try {
      if (cursor.atOperator("-")) {
        cursor.next();
        return new Neg(unary());
      }
      if (cursor.atOperator("+")) {
        cursor.next();
        return unary();
      }
      if (cursor.atOperator("pm") || cursor.atOperator("mp")) {
        cursor.next();
        return new PlusMinus(null, unary());
      }
      return power();
    } finally {
      cursor.leave();
    }
  }

  Node power() {
    Node base = postfix(primaries.primary());
    if (cursor.atOperator("^")) {
      cursor.next();
      Node exponent = superscript();
      return postfix(new Pow(base, exponent));
    }
    return base;
  }

  /** The argument of {@code ^}: a braced group, or one character as TeX reads it ({@code x^23} is x²·3). */
  Node superscript() {
    if (cursor.atOperator("-")) {
      cursor.next();
      return new Neg(superscript());
    }
    if (cursor.at(Kind.BRACE_OPEN)) {
      return primaries.primary();
    }
    cursor.splitLeadingDigit();
    return primaries.primary();
  }

  private Node postfix(Node base) {
    Node n = base;
    while (true) {
      if (cursor.atOperator("!")) {
        cursor.next();
        n = new Fn("factorial", List.of(n));
      } else if (cursor.at(Kind.PERCENT) || (cursor.at(Kind.WORD) && UnitWords.isPercent(cursor.peek().text()))) {
        cursor.next();
        n = new Percent(n);
      } else if (cursor.at(Kind.DEGREE)) {
        cursor.next();
        n = new Degrees(n);
      } else if (cursor.atOperator("_")) {
        cursor.next();
        n = primaries.subscript(n);
      } else if (cursor.atOperator("'")) {
        cursor.next();
        n = primaries.prime(n);
      } else {
        return n;
      }
    }
  }
}
