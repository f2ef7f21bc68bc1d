package org.entropyharness.metric.answer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model's full text. Rules, first match wins: the last {@code \boxed{…}} or
 * {@code \fbox{…}} (braces matched, so nested {@code \frac{}{}} survive); the text after the last "the answer is",
 * "answer:" or {@code ####}, up to the end of that sentence or line; the last number; otherwise none.
 */
public final class AnswerExtractor {
  private static final Pattern MARKER =
      Pattern.compile("(?i)(?:the\\s+(?:final\\s+)?answer\\s+is|final\\s+answer\\s*:|answer\\s*:|####)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:/\\d+)?|\\.\\d+)");
  private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s");
  private static final String[] BOX_COMMANDS = {"\\boxed", "\\fbox"};

  private AnswerExtractor() {}

  /** The final answer in {@code text} and the rule that found it; {@link Extraction#NONE} with "" if nothing. */
  public static ExtractedAnswer extract(String text) {
    String boxed = lastBoxed(text);
    if (boxed != null) {
      return new ExtractedAnswer(boxed.strip(), Extraction.BOXED);
    }
    String afterMarker = afterLastMarker(text);
    if (afterMarker != null && !afterMarker.isEmpty()) {
      return new ExtractedAnswer(afterMarker, Extraction.ANSWER_IS);
    }
    String number = lastNumber(text);
    return number == null ? ExtractedAnswer.NONE : new ExtractedAnswer(number, Extraction.LAST_NUMBER);
  }

  /** The content of the last boxed command with balanced braces, or null. */
  static String lastBoxed(String text) {
    int best = -1;
    String command = null;
    for (String c : BOX_COMMANDS) {
      int at = text.lastIndexOf(c);
      if (at > best) {
        best = at;
        command = c;
      }
    }
    if (best < 0) {
      return null;
    }
    int i = best + command.length();
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '{') {
      int close = matchingBrace(text, i);
      return close < 0 ? null : text.substring(i + 1, close);
    }
    // "\boxed 5": the argument is the next run up to a space or a dollar sign.
    int end = i;
    while (end < text.length() && " $\n".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end > i ? text.substring(i, end) : null;
  }

  /** Index of the brace closing the one at {@code open}, skipping escaped braces, or -1 if unbalanced. */
  static int matchingBrace(String s, int open) {
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

  private static String afterLastMarker(String text) {
    Matcher m = MARKER.matcher(text);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    if (end < 0) {
      return null;
    }
    String rest = text.substring(end);
    int newline = rest.indexOf('\n', firstNonSpace(rest));
    if (newline >= 0) {
      rest = rest.substring(0, newline);
    }
    return trimSentence(rest);
  }

  private static int firstNonSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Cuts at the first sentence end (a period followed by a space) and strips colons, dollars and the final dot. */
  private static String trimSentence(String rest) {
    String s = rest.strip();
    if (s.startsWith(":")) {
      s = s.substring(1).strip();
    }
    Matcher end = SENTENCE_END.matcher(s);
    if (end.find() && !insideMath(s, end.start())) {
      s = s.substring(0, end.start());
    }
    s = s.strip();
    while (s.endsWith(".") || s.endsWith(",") || s.endsWith("!")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.startsWith("$") && s.endsWith("$") && s.length() >= 2) {
      s = s.replaceAll("^\\$+|\\$+$", "").strip();
    }
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static boolean insideMath(String s, int index) {
    int dollars = 0;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '$') {
        dollars++;
      }
    }
    return dollars % 2 == 1;
  }

  /** The last number, with a minus sign only when it is not a binary minus after a letter, digit or bracket. */
  static String lastNumber(String text) {
    Matcher m = NUMBER.matcher(text);
    String last = null;
    int start = -1;
    while (m.find()) {
      last = m.group();
      start = m.start();
    }
    if (last == null) {
      return null;
    }
    if (last.startsWith("-") && start > 0) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before) || before == ')' || before == '}') {
        last = last.substring(1);
      }
    }
    return last.toLowerCase(Locale.ROOT);
  }
}
