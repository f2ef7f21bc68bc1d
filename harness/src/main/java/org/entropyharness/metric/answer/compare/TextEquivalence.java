package org.entropyharness.metric.answer.compare;

import java.util.Locale;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.LatexParser;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Const;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Sym;
import org.entropyharness.metric.answer.latex.Node.Text;
import org.entropyharness.metric.answer.latex.NotAnExpression;

/**
 * Text answers. Two texts are equal ignoring case, spacing and a final period; a multiple-choice letter in
 * parentheses is the letter ({@code \text{(B)}} is {@code B}). Against math, a text whose content is math is read
 * as math ({@code \text{13}} is 13), and a word equals the same letters written in math mode ({@code \text{odd}}
 * and {@code odd}, {@code \text{E}} and {@code E}).
 */
final class TextEquivalence {
  private static final java.util.regex.Pattern COMMAND = java.util.regex.Pattern.compile("\\\\[a-z]+\\{([^{}]*)\\}");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s~]+");

  private final Equivalence eq;
  private final Deadline deadline;

  TextEquivalence(Equivalence eq, Deadline deadline) {
    this.eq = eq;
    this.deadline = deadline;
  }

  boolean equal(Node g, Node p) {
    if (g instanceof Text tg && p instanceof Text tp) {
      return normal(tg.text()).equals(normal(tp.text()));
    }
    boolean goldIsText = g instanceof Text;
    String text = ((Text) (goldIsText ? g : p)).text();
    Node other = goldIsText ? p : g;
    Node math = asMath(text);
    if (math != null) {
      return goldIsText ? eq.equal(math, other) : eq.equal(other, math);
    }
    String letters = letters(other);
    return letters != null && letters.toLowerCase(Locale.ROOT).equals(normal(text).replace(" ", ""));
  }

  /** The text read as math, or null when it is prose (a word, a sentence) or does not parse. */
  private Node asMath(String text) {
    try {
      Node n = LatexParser.parse(text, deadline).primary();
      return n instanceof Text || letters(n) != null ? null : n;
    } catch (NotAnExpression | ArithmeticException e) {
      return null;
    }
  }

  /** The letters of a symbol or a product of one-letter symbols ({@code odd}), or null. */
  static String letters(Node n) {
    if (n instanceof Sym s && s.name().length() == 1) {
      return s.name();
    }
    if (n instanceof Const c && (c.name().equals("e") || c.name().equals("i"))) {
      return c.name();
    }
    if (n instanceof Mul m) {
      StringBuilder out = new StringBuilder();
      for (Node f : m.factors()) {
        String l = letters(f);
        if (l == null) {
          return null;
        }
        out.append(l);
      }
      return out.toString();
    }
    return null;
  }

  /** A letter in parentheses, either of them possibly missing: {@code (b)}, {@code b)}, {@code (b}. */
  private static boolean isChoice(String s) {
    String inner = s.startsWith("(") ? s.substring(1) : s;
    inner = inner.endsWith(")") ? inner.substring(0, inner.length() - 1) : inner;
    return inner.length() == 1 && Character.isLetter(inner.charAt(0)) && inner.length() < s.length();
  }

  /** Lower case, single spaces, no final period, and {@code (b)} as {@code b}. */
  static String normal(String text) {
    String s = SPACES.matcher(COMMAND.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("$1")).replaceAll(" ").strip();
    while (s.endsWith(".") || s.endsWith(",")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (isChoice(s)) {
      s = s.replace("(", "").replace(")", "");
    }
    return s;
  }
}
