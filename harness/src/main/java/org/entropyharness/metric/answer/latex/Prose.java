package org.entropyharness.metric.answer.latex;

import java.util.List;
import java.util.Set;
import org.entropyharness.metric.answer.latex.Node.Text;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Tells prose from math written without {@code \text{}}: a lone word is a text answer ({@code Evelyn}, {@code
 * odd}); two or more unknown words of three letters or more ({@code The answer is 4}), or one of four letters or
 * more that does not follow a value as its unit, are prose, not math, so "The" is not read as T·h·e.
 */
final class Prose {
  private static final Set<String> KNOWN = Set.of("and", "or", "pi", "inf", "infty", "infinity", "sqrt");
  /** Short English words that never stand for a product of symbols in an answer. */
  private static final Set<String> ENGLISH =
      Set.of("is", "it", "so", "we", "of", "to", "be", "are", "at", "by", "on", "as", "if", "the", "then", "thus", "let",
          "get", "has", "was", "its", "an", "this", "that", "there", "which", "hence", "with", "for", "from", "gives");

  private Prose() {}

  /** The text answer when {@code tokens} are one word; null when they are math; throws when they are prose. */
  static Node check(List<Token> all) {
    boolean anyWord = false;
    for (Token t : all) {
      anyWord |= t.kind() == Kind.WORD;
    }
    if (!anyWord) {
      return null;
    }
    List<Token> tokens = withoutSubscripts(all);
    List<Token> words = tokens.stream().filter(t -> t.kind() == Kind.WORD).toList();
    if (words.size() == 1 && meaningful(tokens) == 1 && unknown(words.get(0).text())) {
      return new Text(words.get(0).text());
    }
    long unknown = words.stream().filter(t -> t.text().length() >= 3 && unknown(t.text())).count();
    if (unknown >= 2 || words.stream().anyMatch(t -> ENGLISH.contains(t.text().toLowerCase(java.util.Locale.ROOT)))) {
      throw new NotAnExpression("prose");
    }
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.kind() == Kind.WORD && t.text().length() >= 4 && unknown(t.text()) && !(k > 0 && endsValue(tokens.get(k - 1)))) {
        throw new NotAnExpression("prose word " + t.text());
      }
    }
    return null;
  }

  /** The tokens without subscripts, whose words are labels ({@code S_{MBCN}}), not prose. */
  private static List<Token> withoutSubscripts(List<Token> tokens) {
    List<Token> out = new java.util.ArrayList<>(tokens.size());
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).isOperator("_") && k + 1 < tokens.size()) {
        k++;
        if (tokens.get(k).kind() == Kind.BRACE_OPEN) {
          int depth = 1;
          while (depth > 0 && ++k < tokens.size()) {
            Kind kind = tokens.get(k).kind();
            depth += kind == Kind.BRACE_OPEN ? 1 : kind == Kind.BRACE_CLOSE ? -1 : 0;
          }
        }
        continue;
      }
      out.add(tokens.get(k));
    }
    return out;
  }

  /** A token after which a word can be a unit: a number, a closing bracket, a text, a percent or degree mark. */
  private static boolean endsValue(Token t) {
    return switch (t.kind()) {
      case NUMBER, CLOSE, BRACE_CLOSE, TEXT, PERCENT, DEGREE, SYMBOL -> true;
      default -> false;
    };
  }

  private static long meaningful(List<Token> tokens) {
    return tokens.stream().filter(t -> !t.isOperator(".")).count();
  }

  static boolean unknown(String w) {
    return !KNOWN.contains(w) && !LatexCommands.FUNCTIONS.contains(w) && !UnitWords.isUnit(w)
        && UnitWords.powerOfTen(w) == 0 && !UnitWords.isPercent(w);
  }
}
