package org.entropyharness.metric.answer.latex;

/** Brace matching in LaTeX source, where {@code \{} and {@code \}} are escaped and do not count. */
public final class Braces {
  private Braces() {}

  /** Index of the brace closing the one at {@code open}, or -1 when the braces never balance. */
  public static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '{') {
        depth++;
      } else if (ch == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
