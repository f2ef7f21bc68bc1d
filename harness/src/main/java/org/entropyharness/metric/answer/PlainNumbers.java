package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written in prose, outside math spans and boxes: {@code 18}, {@code -3.5}, {@code 12,000,023}, {@code 2/3},
 * {@code 2,74} (a decimal comma), {@code 28 percent}. A digit inside a word ({@code QX7B}, {@code x2}) is not a
 * number; a unit after it is fine ({@code 1,000.99m}).
 */
final class PlainNumbers {
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.^\\\\/])(?:(?<=^|[\\s(\\[=:$])-)?(?:\\d{1,3}(?:,\\d{3})+(?![\\d,])|\\d+(?:,\\d+)?)"
              + "(?:\\.\\d+)?(?:/\\d+(?!\\d|\\.\\d))?(?:\\s?(?:%|percent\\b|pct\\b))?");

  private PlainNumbers() {}

  /** Candidates for every number outside {@code masked} ranges (pairs of start and end), last first. */
  static List<Candidate> candidates(String text, List<int[]> masked) {
    List<Candidate> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      if (!inside(m.start(), masked)) {
        out.add(new Candidate(Extraction.LAST_NUMBER, m.end(), m.group().replace("percent", "%").replace("pct", "%")));
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }

  private static boolean inside(int at, List<int[]> masked) {
    for (int[] r : masked) {
      if (at >= r[0] && at < r[1]) {
        return true;
      }
    }
    return false;
  }
}
