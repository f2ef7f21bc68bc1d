package org.entropyharness.metric.answer.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entropyharness.metric.answer.latex.Node.Apply;
import org.entropyharness.metric.answer.latex.Node.BaseNumber;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Fn;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Sym;
import org.entropyharness.metric.answer.latex.Node.Text;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * The atoms of an answer: numbers (with a repeating part, {@code 0.\overline{3}}), symbols and constants, words
 * (functions, constants, or letters multiplied), text, groups, brackets (tuples, intervals, sets), absolute values,
 * and the commands with arguments ({@link CommandParser}).
 */
final class PrimaryParser {
  /** Letters read as a function when a parenthesis follows at once: {@code f(2)} is f at 2, {@code a(2)} is 2a. */
  private static final Set<String> FUNCTION_LETTERS = Set.of("f", "g", "h", "F", "G", "H", "P", "Q", "p", "q");
  private static final Set<String> WORD_CONSTANTS = Set.of("pi", "inf", "infty", "infinity");

  private final TokenCursor cursor;
  private final LatexParser lists;
  private final CommandParser commands;

  PrimaryParser(TokenCursor cursor, LatexParser lists, ArithmeticParser arithmetic) {
    this.cursor = cursor;
    this.lists = lists;
    this.commands = new CommandParser(cursor, lists, arithmetic, this);
  }

  Node primary() {
    cursor.enter();
    try {
      Token t = cursor.next();
      return switch (t.kind()) {
        case NUMBER -> number(t);
        case SYMBOL -> symbol(t.text());
        case WORD -> word(t.text());
        case TEXT -> new Text(t.text());
        case COMMAND -> commands.command(t.text());
        case OPEN -> bracketed(t.text());
        case BRACE_OPEN -> braceGroup();
        case BAR -> absolute();
        case BEGIN -> new EnvironmentParser(cursor, lists).environment(t.text());
        default -> throw new NotAnExpression("unexpected " + t);
      };
    } finally {
      cursor.leave();
    }
  }

  /** True when the token at the cursor starts a factor that multiplies {@code left} without a sign. */
  boolean startsImplicitFactor(Node left) {
    Token t = cursor.peek();
    if (t == null) {
      return false;
    }
    return switch (t.kind()) {
      case NUMBER -> !(left instanceof Num);
      case SYMBOL, BRACE_OPEN, BEGIN -> true;
      case OPEN -> t.text().equals("(") || t.text().equals("floor") || t.text().equals("ceil");
      case COMMAND -> !t.text().equals("not");
      case WORD -> isMathWord(t.text()) && !isSpacedUnknown(t);
      default -> false;
    };
  }

  /** A separate unknown word of three letters or more after a value is its unit ({@code 5 apples}), not a factor. */
  static boolean isSpacedUnknown(Token t) {
    return t.spaced() && t.text().length() >= 3 && Prose.unknown(t.text());
  }

  private static boolean isMathWord(String w) {
    return !w.equals("and") && !w.equals("or") && !UnitWords.isUnit(w) && UnitWords.powerOfTen(w) == 0
        && !UnitWords.isPercent(w);
  }

  private Node number(Token t) {
    String digits = t.text();
    int dot = digits.indexOf('.');
    int exp = digits.indexOf('E');
    int decimals = dot < 0 ? -1 : (exp < 0 ? digits.length() : exp) - dot - 1;
    if (exp >= 0) {
      decimals = -1;
    }
    Rational value = Rational.parseDecimal(digits);
    if (cursor.atOperator(".") && cursor.peek(1) != null && cursor.peek(1).is(Kind.COMMAND, "overline")) {
      cursor.next();
      cursor.next();
      return RepeatingDecimal.of(digits, "", commands.rawArgument());
    }
    if (cursor.at(Kind.COMMAND, "overline") && dot >= 0) {
      cursor.next();
      return RepeatingDecimal.of(digits.substring(0, dot), digits.substring(dot + 1), commands.rawArgument());
    }
    return new Num(value, decimals);
  }

  private Node symbol(String name) {
    if (name.equals("e") || name.equals("i")) {
      return new Const(name);
    }
    if (FUNCTION_LETTERS.contains(name) && cursor.at(Kind.OPEN, "(") && !cursor.peek().spaced()) {
      cursor.next();
      List<Node> args = lists.bracketItems();
      cursor.expect(Kind.CLOSE, ")");
      return new Apply(name, args);
    }
    return new Sym(name);
  }

  /** A plain word: a function or constant name, or letters multiplied ({@code xy}, {@code AB}). */
  private Node word(String w) {
    if (LatexCommands.FUNCTIONS.contains(w) && !w.equals("max") && !w.equals("min") || w.equals("sqrt")) {
      return commands.command(w);
    }
    if (WORD_CONSTANTS.contains(w)) {
      return new Const(w.equals("pi") ? "pi" : "infty");
    }
    if (!isMathWord(w)) {
      throw new NotAnExpression("word " + w);
    }
    List<Node> letters = new ArrayList<>();
    for (char c : w.toCharArray()) {
      letters.add(symbol(String.valueOf(c)));
    }
    return new Mul(letters);
  }

  /** A TeX group; a group with commas is a set, as in {@code {1,3}}. */
  private Node braceGroup() {
    if (cursor.at(Kind.BRACE_CLOSE)) {
      cursor.next();
      return new Text("");
    }
    List<Node> items = lists.bracketItems();
    cursor.expect(Kind.BRACE_CLOSE, "}");
    return items.size() == 1 ? items.get(0) : new Bracketed("{", "}", items);
  }

  private Node bracketed(String open) {
    if (open.equals("floor") || open.equals("ceil")) {
      Node inner = lists.item();
      cursor.expect(Kind.CLOSE, open + ")");
      return new Fn(open, List.of(inner));
    }
    if (cursor.at(Kind.CLOSE)) {
      String close = cursor.next().text();
      return new Bracketed(open, close, List.of());
    }
    List<Node> items = lists.bracketItems();
    Token close = cursor.next();
    if (close.kind() != Kind.CLOSE) {
      throw new NotAnExpression("expected a closing bracket but found " + close);
    }
    boolean grouping = items.size() == 1 && ((open.equals("(") && close.text().equals(")"))
        || (open.equals("[") && close.text().equals("]")));
    return grouping ? items.get(0) : new Bracketed(open, close.text(), items);
  }

  private Node absolute() {
    Node inner = lists.item();
    cursor.expect(Kind.BAR, "|");
    return new Fn("abs", List.of(inner));
  }

  /** A subscript: part of a symbol's name ({@code a_{37}}), or the base of a number ({@code 204_5}). */
  Node subscript(Node base) {
    String sub = commands.rawArgument();
    if (base instanceof Sym s) {
      return new Sym(s.name() + "_{" + sub + "}");
    }
    if (base instanceof Num n && n.decimals() < 0 && n.value().isInteger()) {
      return new BaseNumber(n.value().num().toString(), sub);
    }
    if (base instanceof Const c) {
      return new Sym(c.name() + "_{" + sub + "}");
    }
    return base;
  }

  /** A prime: {@code f'} is another name, {@code f'(x)} its value at x. */
  Node prime(Node base) {
    if (base instanceof Sym s) {
      Sym primed = new Sym(s.name() + "'");
      if (cursor.at(Kind.OPEN, "(")) {
        cursor.next();
        List<Node> args = lists.bracketItems();
        cursor.expect(Kind.CLOSE, ")");
        return new Apply(primed.name(), args);
      }
      return primed;
    }
    if (base instanceof Apply a) {
      return new Apply(a.name() + "'", a.args());
    }
    return base;
  }
}
