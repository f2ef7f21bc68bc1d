package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer that is a list: a tuple or interval (ordered, brackets significant), a set {@code \{…\}} or a bare
 * comma list such as {@code 1,-2} (both unordered). A scalar is not an AnswerList.
 */
record AnswerList(String open, String close, boolean ordered, List<String> elements) {
  AnswerList {
    elements = List.copyOf(elements);
  }

  /** The list form of a normalised answer, or null when it has no top-level comma. */
  static AnswerList of(String s) {
    if (s.startsWith("\\{") && s.endsWith("\\}") && s.length() >= 4) {
      return new AnswerList("{", "}", false, split(s.substring(2, s.length() - 2)));
    }
    if (s.length() >= 2 && "([".indexOf(s.charAt(0)) >= 0 && ")]".indexOf(s.charAt(s.length() - 1)) >= 0) {
      List<String> inner = split(s.substring(1, s.length() - 1));
      if (inner.size() > 1 && enclosesWhole(s)) {
        return new AnswerList(s.substring(0, 1), s.substring(s.length() - 1), true, inner);
      }
    }
    List<String> bare = split(s);
    // A bare list is a set of solutions ("1,-2"): MATH asks for those in any order.
    return bare.size() > 1 ? new AnswerList("{", "}", false, bare) : null;
  }

  /** True when the first bracket closes at the very end, so "(1,2)+(3,4)" is not taken for one tuple. */
  private static boolean enclosesWhole(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0 && i < s.length() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** Splits at commas outside any bracket. */
  static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
