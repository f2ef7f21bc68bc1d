package org.entropyharness.metric.answer.latex;

import java.util.List;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Div;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Neg;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Pow;
import org.entropyharness.metric.answer.latex.Node.Root;
import org.entropyharness.metric.answer.latex.Node.Sym;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Commands with arguments: {@code \frac} (braced or TeX's bare {@code \frac13}), {@code \sqrt} and {@code
 * \sqrt[n]}, {@code \binom}, {@code \overline}, and functions ({@code \sin^2 x}, {@code \sin^{-1}}, {@code \log_2
 * 8}, {@code \ln(x)}, {@code \max(a,b)}).
 */
final class CommandParser {
  private static final Num TWO = new Num(Rational.of(2), -1);

  private final TokenCursor cursor;
  private final LatexParser lists;
  private final ArithmeticParser arithmetic;
  private final PrimaryParser primaries;

  CommandParser(TokenCursor cursor, LatexParser lists, ArithmeticParser arithmetic, PrimaryParser primaries) {
    this.cursor = cursor;
    this.lists = lists;
    this.arithmetic = arithmetic;
    this.primaries = primaries;
  }

  Node command(String name) {
    return switch (name) {
      case "frac" -> new Div(argument(), argument());
      case "binom" -> new Fn("binom", List.of(argument(), argument()));
      case "sqrt" -> root();
      case "pi" -> new Const("pi");
      case "infty" -> new Const("infty");
      case "emptyset" -> new Bracketed("{", "}", List.of());
      case "overline" -> new Sym("overline{" + rawArgument() + "}");
      default -> function(name);
    };
  }

  /** A TeX argument: a braced group, or one character or command ({@code \frac13}, {@code \sqrt3}). */
  Node argument() {
    if (cursor.at(Kind.BRACE_OPEN)) {
      return primaries.primary();
    }
    cursor.splitLeadingDigit();
    return primaries.primary();
  }

  private Node root() {
    Node index = TWO;
    if (cursor.at(Kind.OPEN, "[")) {
      cursor.next();
      index = lists.item();
      cursor.expect(Kind.CLOSE, "]");
    }
    return new Root(index, argument());
  }

  private Node function(String name) {
    if (!LatexCommands.FUNCTIONS.contains(name)) {
      throw new NotAnExpression("unknown command " + name);
    }
    Node exponent = null;
    Node base = null;
    if (cursor.atOperator("^")) {
      cursor.next();
      exponent = arithmetic.superscript();
    }
    if (cursor.atOperator("_")) {
      cursor.next();
      base = argument();
    }
    Node value = apply(inverse(name, exponent), functionArgument());
    if (base != null && (name.equals("log") || name.equals("lg"))) {
      value = new Div(new Fn("ln", ((Fn) value).args()), new Fn("ln", List.of(base)));
    }
    if (exponent != null && !isMinusOne(exponent)) {
      value = new Pow(value, exponent);
    }
    return value;
  }

  private static String inverse(String name, Node exponent) {
    boolean trig = name.equals("sin") || name.equals("cos") || name.equals("tan") || name.equals("cot");
    return trig && exponent != null && isMinusOne(exponent) ? "arc" + name : name;
  }

  private static boolean isMinusOne(Node n) {
    return n instanceof Neg neg && neg.x() instanceof Num num && num.value().equals(Rational.ONE);
  }

  private static Node apply(String name, List<Node> args) {
    return new Fn(name, args);
  }

  /** {@code (…)} with one or more arguments, a braced group, or the factors up to the next sign ({@code \sin 2x}). */
  private List<Node> functionArgument() {
    if (cursor.at(Kind.OPEN, "(")) {
      cursor.next();
      List<Node> args = lists.bracketItems();
      cursor.expect(Kind.CLOSE, ")");
      return args;
    }
    if (cursor.at(Kind.BRACE_OPEN)) {
      return List.of(primaries.primary());
    }
    Node arg = arithmetic.power();
    while (cursor.at(Kind.SYMBOL) || (cursor.at(Kind.NUMBER) && !(arg instanceof Num))) {
      arg = new Node.Mul(List.of(arg, arithmetic.power()));
    }
    return List.of(arg);
  }

  /** The source text of the next argument (a braced group or one token), for names and subscripts. */
  String rawArgument() {
    if (!cursor.at(Kind.BRACE_OPEN)) {
      cursor.splitLeadingDigit();
      return cursor.next().text();
    }
    cursor.next();
    StringBuilder raw = new StringBuilder();
    int depth = 1;
    while (true) {
      Token t = cursor.next();
      if (t.kind() == Kind.BRACE_OPEN) {
        depth++;
      } else if (t.kind() == Kind.BRACE_CLOSE && --depth == 0) {
        return raw.toString();
      }
      raw.append(t.text());
    }
  }
}
