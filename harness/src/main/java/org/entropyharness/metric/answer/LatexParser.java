package org.entropyharness.metric.answer;

import java.util.List;
import java.util.Set;

/**
 * A small recursive-descent parser for the arithmetic in answers: {@code + - * / ^}, {@code \frac}, {@code \sqrt}
 * and {@code \sqrt[n]}, {@code \pi}, a few functions, absolute value bars and implicit multiplication ({@code
 * 2\sqrt{3}}, {@code 3\pi}, {@code 2x}). Anything else is a parse error, and the answer is then compared as a
 * string only.
 */
final class LatexParser {
  private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "ln", "log", "exp");
  private static final Set<String> OPERATORS = Set.of("\\cdot", "\\times", "\\div");

  private final List<String> tokens;
  private final Deadline deadline;
  private int pos;

  private LatexParser(List<String> tokens, Deadline deadline) {
    this.tokens = new java.util.ArrayList<>(tokens);
    this.deadline = deadline;
  }

  /** Parses the whole of {@code text}; throws NotAnExpression when it is not an expression. */
  static Expr parse(String text, Deadline deadline) {
    LatexParser p = new LatexParser(LatexTokenizer.tokenize(text), deadline);
    if (p.tokens.isEmpty()) {
      throw new NotAnExpression("empty");
    }
    Expr e = p.expression();
    if (p.pos != p.tokens.size()) {
      throw new NotAnExpression("unexpected " + p.tokens.get(p.pos));
    }
    return e;
  }

  private Expr expression() {
    Expr left = term();
    while (peekIs("+") || peekIs("-")) {
      boolean minus = next().equals("-");
      Expr right = term();
      left = new Expr.Bin('+', left, minus ? new Expr.Neg(right) : right);
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (true) {
      if (peekIs("*") || peekIs("\\cdot") || peekIs("\\times")) {
        next();
        left = new Expr.Bin('*', left, unary());
      } else if (peekIs("/") || peekIs("\\div")) {
        next();
        left = new Expr.Bin('/', left, unary());
      } else if (startsPrimary()) {
        boolean fraction = peekIs("\\frac");
        left = juxtapose(left, power(), fraction);
      } else {
        return left;
      }
    }
  }

  /** Implicit multiplication, except that a whole number before a numeric fraction is a mixed number (1\frac45). */
  private static Expr juxtapose(Expr left, Expr right, boolean fraction) {
    boolean mixed =
        fraction
            && left instanceof Expr.Num n
            && n.r().isInteger()
            && right instanceof Expr.Bin b
            && b.op() == '/'
            && b.l() instanceof Expr.Num
            && b.r() instanceof Expr.Num;
    return new Expr.Bin(mixed ? '+' : '*', left, right);
  }

  private Expr unary() {
    if (peekIs("-")) {
      next();
      return new Expr.Neg(unary());
    }
    if (peekIs("+")) {
      next();
      return unary();
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    if (peekIs("^")) {
      next();
      Expr exponent = peekIs("-") ? negatedAtom() : atom();
      return new Expr.Bin('^', base, exponent);
    }
    return base;
  }

  private Expr negatedAtom() {
    next();
    return new Expr.Neg(atom());
  }

  /** A braced group or a single character, as LaTeX takes the argument of {@code ^}, {@code \frac12}, {@code \sqrt2}. */
  private Expr atom() {
    if (peekIs("{")) {
      return group("{", "}");
    }
    splitLeadingDigit();
    return primary();
  }

  private Expr primary() {
    deadline.check();
    String t = next();
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
      return new Expr.Num(Rational.parseDecimal(t));
    }
    if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
      return new Expr.Var(t);
    }
    return switch (t) {
      case "(" -> closeWith(")");
      case "{" -> closeWith("}");
      case "[" -> closeWith("]");
      case "|" -> new Expr.Func("abs", closeWith("|"));
      case "\\pi" -> new Expr.Pi();
      case "\\frac" -> new Expr.Bin('/', atom(), atom());
      case "\\sqrt" -> root();
      default -> commandPrimary(t);
    };
  }

  private Expr commandPrimary(String t) {
    String name = t.startsWith("\\") ? t.substring(1) : t;
    if (FUNCTIONS.contains(name)) {
      Expr arg = peekIs("(") || peekIs("{") ? primary() : power();
      return new Expr.Func(name, arg);
    }
    if (t.startsWith("\\") && LatexTokenizer.COMMANDS.contains(name) && !OPERATORS.contains(t)) {
      return new Expr.Var(name);
    }
    throw new NotAnExpression("unexpected " + t);
  }

  private Expr root() {
    Expr degree = new Expr.Num(Rational.of(2));
    if (peekIs("[")) {
      degree = group("[", "]");
    }
    return new Expr.Root(degree, atom());
  }

  private Expr group(String open, String close) {
    expect(open);
    return closeWith(close);
  }

  private Expr closeWith(String close) {
    Expr inner = expression();
    expect(close);
    return inner;
  }

  private boolean startsPrimary() {
    if (pos >= tokens.size()) {
      return false;
    }
    String t = tokens.get(pos);
    char c = t.charAt(0);
    if (Character.isLetterOrDigit(c) || c == '.' || c == '(' || c == '{' || c == '[') {
      return true;
    }
    return c == '\\' && !OPERATORS.contains(t);
  }

  private void splitLeadingDigit() {
    if (pos < tokens.size()) {
      String t = tokens.get(pos);
      if (t.length() > 1 && Character.isDigit(t.charAt(0))) {
        tokens.set(pos, t.substring(0, 1));
        tokens.add(pos + 1, t.substring(1));
      }
    }
  }

  private void expect(String token) {
    if (!peekIs(token)) {
      throw new NotAnExpression("expected " + token);
    }
    pos++;
  }

  private boolean peekIs(String token) {
    return pos < tokens.size() && tokens.get(pos).equals(token);
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new NotAnExpression("unexpected end");
    }
    return tokens.get(pos++);
  }
}
