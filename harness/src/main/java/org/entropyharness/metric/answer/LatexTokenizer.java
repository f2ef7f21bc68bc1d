package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a normalised answer into numbers, single letters, known LaTeX commands and one-character symbols. */
final class LatexTokenizer {
  /** Commands the parser understands; a longer unknown run such as {@code \cotx} is split at the longest prefix. */
  static final Set<String> COMMANDS =
      Set.of(
          "frac", "sqrt", "pi", "cdot", "times", "div", "sin", "cos", "tan", "cot", "sec", "csc", "ln", "log",
          "exp", "alpha", "beta", "gamma", "theta", "phi", "lambda", "mu");

  private LatexTokenizer() {}

  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int end = i + 1;
        while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
          end++;
        }
        out.add(s.substring(i, end));
        i = end;
      } else if (c == '\\') {
        i = command(s, i, out);
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }

  private static int command(String s, int at, List<String> out) {
    int end = at + 1;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    String word = s.substring(at + 1, end);
    for (int len = word.length(); len > 0; len--) {
      if (COMMANDS.contains(word.substring(0, len))) {
        out.add("\\" + word.substring(0, len));
        return at + 1 + len;
      }
    }
    throw new NotAnExpression("unknown command \\" + word);
  }
}
