package org.entropyharness.metric.answer.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Splits an answer into tokens in one left-to-right pass. Spacing, sizing and font commands vanish here; numbers are
 * read with their thousands separators ({@code 12{,}345}, {@code 2,\!500}, {@code 4 000}, {@code 1,234}); runs of
 * plain letters become words, which the parser later reads as units, connectives or products of symbols.
 */
final class LatexTokenizer {
  private static final Map<Character, String> UNICODE_OPERATORS =
      Map.ofEntries(
          Map.entry('\u2212', "-"), Map.entry('\u00d7', "*"), Map.entry('\u00b7', "*"), Map.entry('\u22c5', "*"),
          Map.entry('\u00f7', "/"), Map.entry('\u2264', "<="), Map.entry('\u2265', ">="), Map.entry('\u2260', "!="),
          Map.entry('\u2248', "~="), Map.entry('\u222a', "cup"), Map.entry('\u2229', "cap"), Map.entry('\u2208', "in"),
          Map.entry('\u00b1', "pm"), Map.entry('\u2213', "mp"), Map.entry('\u2192', "=>"), Map.entry('\u21d2', "=>"));
  private static final Map<Character, String> UNICODE_COMMANDS =
      Map.of('\u221e', "infty", '\u03c0', "pi", '\u221a', "sqrt", '\u2205', "emptyset");

  private final String s;
  private final List<Token> out = new ArrayList<>();
  private int i;
  private boolean spaced;

  private LatexTokenizer(String s) {
    this.s = s;
  }

  /** The tokens of {@code latex}; throws {@link NotAnExpression} on a character no answer uses. */
  static List<Token> tokenize(String latex) {
    LatexTokenizer t = new LatexTokenizer(latex);
    t.run();
    return withoutAlignmentMarks(t.out);
  }

  /** Drops the {@code &} marks of alignments ({@code aligned}, {@code cases}); only matrices have columns. */
  private static List<Token> withoutAlignmentMarks(List<Token> tokens) {
    List<Token> kept = new ArrayList<>(tokens.size());
    java.util.ArrayDeque<Boolean> inMatrix = new java.util.ArrayDeque<>();
    for (Token tok : tokens) {
      if (tok.kind() == Kind.BEGIN) {
        inMatrix.push(tok.text().endsWith("matrix") || tok.text().equals("array") || tok.text().equals("tabular"));
      } else if (tok.kind() == Kind.END && !inMatrix.isEmpty()) {
        inMatrix.pop();
      } else if (tok.kind() == Kind.COLUMN && !Boolean.TRUE.equals(inMatrix.peek())) {
        continue;
      }
      kept.add(tok);
    }
    return kept;
  }

  private void run() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '~' || c == '$') {
        spaced = true;
        i++;
        continue;
      }
      if (c == '\\') {
        command();
      } else if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
        number();
      } else if (isAsciiLetter(c)) {
        letters();
      } else {
        symbol(c);
      }
    }
  }

  private void emit(Kind kind, String text) {
    out.add(new Token(kind, text, spaced));
    spaced = false;
  }

  private void letters() {
    int end = i;
    while (end < s.length() && isAsciiLetter(s.charAt(end))) {
      end++;
    }
    String run = s.substring(i, end);
    emit(run.length() == 1 ? Kind.SYMBOL : Kind.WORD, run);
    i = end;
  }

  private void symbol(char c) {
    i++;
    switch (c) {
      case '(', '[' -> emit(Kind.OPEN, String.valueOf(c));
      case ')', ']' -> emit(Kind.CLOSE, String.valueOf(c));
      case '{' -> emit(Kind.BRACE_OPEN, "{");
      case '}' -> emit(Kind.BRACE_CLOSE, "}");
      case ',', ';' -> emit(Kind.SEPARATOR, String.valueOf(c));
      case '|' -> emit(Kind.BAR, "|");
      case '&' -> emit(Kind.COLUMN, "&");
      case '%' -> emit(Kind.PERCENT, "%");
      case '\u00b0' -> emit(Kind.DEGREE, "deg");
      case '\u00b2', '\u00b3' -> superscriptDigit(c == '\u00b2' ? "2" : "3");
      case '\u2026' -> emit(Kind.SYMBOL, "...");
      case '<', '>', '!', '=' -> relation(c);
      case '+', '-', '*', '/', '^', '_', '\'', ':', '.' -> caretOrOperator(c);
      case '"', '?' -> spaced = true;
      default -> unicode(c);
    }
  }

  private void superscriptDigit(String digit) {
    emit(Kind.OPERATOR, "^");
    emit(Kind.NUMBER, digit);
  }

  private void relation(char c) {
    if (i < s.length() && s.charAt(i) == '=') {
      i++;
      emit(Kind.OPERATOR, c == '=' ? "=" : c + "=");
    } else if (c == '!') {
      emit(Kind.OPERATOR, "!");
    } else {
      emit(Kind.OPERATOR, String.valueOf(c));
    }
  }

  /** A caret followed by {@code \circ} (braced or not) is a degree mark, not a power. */
  private void caretOrOperator(char c) {
    if (c == '^') {
      int j = skipSpaces(i);
      boolean braced = j < s.length() && s.charAt(j) == '{';
      int k = skipSpaces(braced ? j + 1 : j);
      if (s.startsWith("\\circ", k) && !(k + 5 < s.length() && isAsciiLetter(s.charAt(k + 5)))) {
        int end = skipSpaces(k + 5);
        if (braced) {
          if (end >= s.length() || s.charAt(end) != '}') {
            throw new NotAnExpression("unbalanced degree mark");
          }
          end++;
        }
        i = end;
        emit(Kind.DEGREE, "deg");
        return;
      }
    }
    emit(Kind.OPERATOR, String.valueOf(c));
  }

  private void unicode(char c) {
    String op = UNICODE_OPERATORS.get(c);
    if (op != null) {
      emit(Kind.OPERATOR, op);
      return;
    }
    String command = UNICODE_COMMANDS.get(c);
    if (command != null) {
      emit(Kind.COMMAND, command);
      return;
    }
    if (Character.isLetter(c)) {
      emit(Kind.SYMBOL, String.valueOf(c));
      return;
    }
    throw new NotAnExpression("unexpected character '" + c + "'");
  }

  private void number() {
    NumberReader r = new NumberReader(s, i);
    r.read();
    out.add(new Token(Kind.NUMBER, r.digits(), spaced, r.grouped()));
    spaced = false;
    i = r.end();
  }

  private void command() {
    int start = i + 1;
    if (start >= s.length()) {
      throw new NotAnExpression("lone backslash");
    }
    int end = start;
    while (end < s.length() && isAsciiLetter(s.charAt(end))) {
      end++;
    }
    if (end == start) {
      end++;
    }
    String name = s.substring(start, end);
    i = end;
    new CommandReader(this).read(name);
  }

  /** Reads the balanced braced argument at the cursor (after spaces) and returns its content, or null if none. */
  String bracedArgument() {
    int j = skipSpaces(i);
    if (j >= s.length() || s.charAt(j) != '{') {
      return null;
    }
    int close = Braces.matching(s, j);
    if (close < 0) {
      throw new NotAnExpression("unbalanced braces");
    }
    i = close + 1;
    return s.substring(j + 1, close);
  }

  /** Reads one character or one command at the cursor as a TeX argument given without braces ({@code \frac12}). */
  String bareArgument() {
    int j = skipSpaces(i);
    if (j >= s.length()) {
      return null;
    }
    if (s.charAt(j) == '\\') {
      int end = j + 1;
      while (end < s.length() && isAsciiLetter(s.charAt(end))) {
        end++;
      }
      i = Math.max(end, j + 2);
    } else {
      i = j + 1;
    }
    return s.substring(j, i);
  }

  /** Skips {@code [ … ]} at the cursor (an optional argument) and returns its content, or null if none. */
  String optionalArgument() {
    int j = skipSpaces(i);
    if (j >= s.length() || s.charAt(j) != '[') {
      return null;
    }
    int close = s.indexOf(']', j);
    if (close < 0) {
      throw new NotAnExpression("unclosed optional argument");
    }
    i = close + 1;
    return s.substring(j + 1, close);
  }

  /**
   * After {@code \\}: true when a known command's name follows at once ({@code \\frac}), a backslash doubled by
   * escaping rather than a row break; the cursor is then left on the command.
   */
  boolean commandFollows() {
    int end = i;
    while (end < s.length() && isAsciiLetter(s.charAt(end))) {
      end++;
    }
    String name = s.substring(i, end);
    if (end == i || !LatexCommands.isKnown(name)) {
      return false;
    }
    i--;
    return true;
  }

  void emitToken(Kind kind, String text) {
    emit(kind, text);
  }

  /** Tokens of a nested piece of source (an argument kept as math), appended in place. */
  void emitNested(String latex) {
    for (Token t : tokenize(latex)) {
      out.add(t);
    }
    spaced = false;
  }

  void markSpaced() {
    spaced = true;
  }

  private int skipSpaces(int from) {
    int j = from;
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
