package org.entropyharness.metric.answer.latex;

/**
 * Reads one number literal: digits in groups of three joined by {@code {,}}, {@code ,\!}, a thin space, a plain
 * space or a bare comma (the last is remembered, since {@code 1,234} could also be a list), then an optional
 * decimal part.
 */
final class NumberReader {
  private static final String[] SAFE_SEPARATORS = {"{,}", ",\\!", "\\,", "\\ ", "\\;", "~", " "};

  private final String s;
  private final StringBuilder digits = new StringBuilder();
  private int i;
  private boolean grouped;

  NumberReader(String s, int start) {
    this.s = s;
    this.i = start;
  }

  void read() {
    int first = run();
    if (first >= 1 && first <= 3 && s.charAt(i - first) != '0') {
      while (group()) {
        // each call consumes one separator and three digits
      }
    }
    if (i + 1 < s.length() && s.charAt(i) == '.' && LatexTokenizer.isDigit(s.charAt(i + 1))) {
      digits.append('.');
      i++;
      run();
    }
    exponent();
  }

  /** Scientific notation written without spaces ({@code 1e22}, {@code 2.5E-3}); {@code 2e} stays 2 times e. */
  private void exponent() {
    if (i >= s.length() || (s.charAt(i) != 'e' && s.charAt(i) != 'E')) {
      return;
    }
    int j = i + 1;
    if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
      j++;
    }
    int digitsStart = j;
    while (j < s.length() && LatexTokenizer.isDigit(s.charAt(j))) {
      j++;
    }
    if (j == digitsStart || j - digitsStart > 6 || (j < s.length() && LatexTokenizer.isAsciiLetter(s.charAt(j)))) {
      return;
    }
    digits.append('E').append(s, i + 1, j);
    i = j;
  }

  private int run() {
    int start = i;
    while (i < s.length() && LatexTokenizer.isDigit(s.charAt(i))) {
      digits.append(s.charAt(i++));
    }
    return i - start;
  }

  /** Consumes one thousands separator and the three digits after it, if the source has them there. */
  private boolean group() {
    for (String sep : SAFE_SEPARATORS) {
      if (s.startsWith(sep, i)) {
        int after = skipSpaces(i + sep.length());
        if (threeDigitsAt(after)) {
          take(after);
          return true;
        }
      }
    }
    if (i < s.length() && s.charAt(i) == ',' && threeDigitsAt(i + 1)) {
      take(i + 1);
      grouped = true;
      return true;
    }
    return false;
  }

  private void take(int at) {
    digits.append(s, at, at + 3);
    i = at + 3;
  }

  private boolean threeDigitsAt(int at) {
    if (at + 3 > s.length()) {
      return false;
    }
    for (int k = at; k < at + 3; k++) {
      if (!LatexTokenizer.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return at + 3 == s.length() || !LatexTokenizer.isDigit(s.charAt(at + 3));
  }

  private int skipSpaces(int from) {
    int j = from;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    return j;
  }

  String digits() {
    return digits.charAt(0) == '.' ? "0" + digits : digits.toString();
  }

  boolean grouped() {
    return grouped;
  }

  int end() {
    return i;
  }
}
