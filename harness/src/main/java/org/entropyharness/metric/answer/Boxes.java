package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.entropyharness.metric.answer.latex.Braces;

/**
 * {@code \boxed{…}} and {@code \fbox{…}} (braces matched, so a nested {@code \frac{}{}} survives; {@code \boxed 5}
 * without braces too). Boxes next to each other are one answer when only a connective separates them ({@code
 * \boxed{4} and \boxed{9}}, {@code \boxed{1},\boxed{2}}, {@code \boxed{(3,3)} \text{ for part (a) and }
 * \boxed{(1,1)}}), not when words of reasoning do ({@code \boxed{2}, so the answer is \boxed{2}}).
 */
final class Boxes {
  private static final String[] COMMANDS = {"\\boxed", "\\fbox"};
  private static final Pattern CONNECTIVE = Pattern.compile("(?i)(,|;|\\band\\b|\\bor\\b|\\\\q?quad)");
  private static final Set<String> REASONING =
      Set.of("is", "so", "thus", "therefore", "hence", "answer", "final", "correct", "get", "we", "then", "which",
          "because", "since", "but", "not", "check", "wait", "gives", "equals");
  private static final int MAX_GAP_WORDS = 6;
  private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\text\\w*\\{([^{}]*)\\}");
  private static final Pattern DELIMITERS = Pattern.compile("\\\\[()\\[\\]]|\\$");
  private static final Pattern NON_LETTERS = Pattern.compile("[^A-Za-z ]");
  private static final int MAX_JOINED = 12;

  /** One box: where it starts and ends, and its content. */
  record Box(int start, int end, String content) {}

  private Boxes() {}

  /** Every box in the text, in order; boxes inside boxes are part of their outer box. */
  static List<Box> find(String text) {
    List<Box> boxes = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = nextCommand(text, from);
      if (at < 0) {
        return boxes;
      }
      Box b = box(text, at);
      if (b == null) {
        from = at + 1;
      } else {
        boxes.add(b);
        from = b.end();
      }
    }
  }

  private static int nextCommand(String text, int from) {
    int best = -1;
    for (String c : COMMANDS) {
      int at = text.indexOf(c, from);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  private static Box box(String text, int at) {
    int i = at + (text.startsWith("\\boxed", at) ? 6 : 5);
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '{') {
      int close = Braces.matching(text, i);
      return close < 0 ? null : new Box(at, close + 1, text.substring(i + 1, close).strip());
    }
    int end = i;
    while (end < text.length() && " $\n".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end > i ? new Box(at, end, text.substring(i, end)) : null;
  }

  /** The last box with the boxes joined to it, as one candidate; null when the text has no box. */
  static Candidate last(String text) {
    List<Box> boxes = find(text);
    boxes.removeIf(b -> b.content().isEmpty());
    if (boxes.isEmpty()) {
      return null;
    }
    int k = boxes.size() - 1;
    int first = k;
    while (first > 0 && k - first < MAX_JOINED && joins(text.substring(boxes.get(first - 1).end(), boxes.get(first).start()))) {
      first--;
    }
    Set<String> contents = new LinkedHashSet<>();
    for (int j = first; j <= k; j++) {
      contents.add(boxes.get(j).content());
    }
    return new Candidate(Extraction.BOXED, boxes.get(k).end(), String.join(", ", contents));
  }

  /** True when the text between two boxes only connects them. */
  static boolean joins(String gap) {
    String plain = DELIMITERS.matcher(TEXT_COMMAND.matcher(gap).replaceAll(" $1 ")).replaceAll(" ");
    if (plain.isBlank()) {
      return true;
    }
    if (!CONNECTIVE.matcher(plain).find()) {
      return false;
    }
    String words = NON_LETTERS.matcher(CONNECTIVE.matcher(plain).replaceAll(" ")).replaceAll(" ").strip();
    if (words.isEmpty()) {
      return true;
    }
    String[] split = words.toLowerCase(Locale.ROOT).split("\\s+");
    if (split.length > MAX_GAP_WORDS) {
      return false;
    }
    for (String w : split) {
      if (REASONING.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
