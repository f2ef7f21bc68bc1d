package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LaTeX math spans in a text, found in one pass: {@code $$…$$} and {@code \[…\]} (may span lines), {@code $…$} and
 * {@code \(…\)} (one line). An escaped {@code \$} is a dollar sign, not a delimiter; an unclosed {@code $} (a price,
 * "costs $5") is not a span.
 */
final class MathSpans {
  private static final Pattern JOINER = Pattern.compile("\\s*(?:,|,?\\s*and|,?\\s*or|;)?\\s*");
  private static final int MAX_JOINED = 12;

  /**
   * One span.
   *
   * @param start index of its opening delimiter
   * @param end index after its closing delimiter
   * @param content what is between the delimiters
   */
  record Span(int start, int end, String content) {}

  private MathSpans() {}

  static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      Span s = null;
      if (c == '\\' && i + 1 < text.length()) {
        char d = text.charAt(i + 1);
        if (d == '[' || d == '(') {
          s = delimited(text, i, 2, d == '[' ? "\\]" : "\\)", d == '[');
        } else {
          i += 2;
          continue;
        }
      } else if (c == '$') {
        boolean display = text.startsWith("$$", i);
        s = delimited(text, i, display ? 2 : 1, display ? "$$" : "$", display);
      }
      if (s != null) {
        spans.add(s);
        i = s.end();
      } else {
        i++;
      }
    }
    return spans;
  }

  private static Span delimited(String text, int start, int open, String close, boolean multiline) {
    int from = start + open;
    int at = from;
    while (true) {
      at = text.indexOf(close, at);
      if (at < 0) {
        return null;
      }
      if (text.charAt(at - 1) != '\\' || close.startsWith("\\")) {
        break;
      }
      at++;
    }
    String content = text.substring(from, at);
    if (!multiline && content.indexOf('\n') >= 0 || content.isBlank()) {
      return null;
    }
    return new Span(start, at + close.length(), content.strip());
  }

  /**
   * Candidates from the last span backwards: each span with the spans just before it that its text joins to it by
   * commas, "and" or "or" ({@code $1$ and $2$}); a joined group is one candidate.
   */
  static List<Candidate> candidates(List<Span> spans, String text) {
    List<Candidate> out = new ArrayList<>();
    int k = spans.size() - 1;
    while (k >= 0) {
      int first = k;
      while (first > 0 && k - first < MAX_JOINED
          && JOINER.matcher(text.substring(spans.get(first - 1).end(), spans.get(first).start())).matches()) {
        first--;
      }
      List<String> parts = new ArrayList<>();
      for (int j = first; j <= k; j++) {
        parts.add(spans.get(j).content());
      }
      out.add(new Candidate(Extraction.MATH_SPAN, spans.get(k).end(), String.join(", ", parts)));
      k = first - 1;
    }
    return out;
  }
}
