package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers announced in words: "the answer is X", "Answer: X", "final answer … is X", GSM8K's {@code #### X}, and
 * Minerva's "Final Answer: The final answer is X. I hope it is correct." (its own target). The value is the math
 * span or box right after the phrase, or else the rest of that sentence.
 */
final class AnswerPhrases {
  private static final Pattern MARKER =
      Pattern.compile("(?i)(final\\s+answer\\s*(?:is\\b|:)?|\\banswer\\s*(?:is\\b|:|=)|####)");
  private static final Pattern I_HOPE = Pattern.compile("(?is)\\s*\\$?\\s*\\.?\\s*I\\s+hope");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)|\\n");
  private static final int LOOK_AHEAD = 100;
  private static final Pattern WHITE = Pattern.compile("\\s+");
  private static final Pattern IS = Pattern.compile("\\sis\\b\\s*:?");

  private AnswerPhrases() {}

  /** False when the text cannot hold a phrase (no "answer", no {@code ####}), without a regular expression. */
  static boolean mayContain(String text) {
    if (text.contains("####")) {
      return true;
    }
    for (int i = text.indexOf('n'); i >= 1; i = text.indexOf('n', i + 1)) {
      if (text.regionMatches(true, i - 1, "answer", 0, 6)) {
        return true;
      }
    }
    return false;
  }

  /** False when no "final answer" follows {@code from}, so a box there cannot be outranked by Minerva's sentence. */
  static boolean mayContainFinalAnswer(String text, int from) {
    for (int i = text.indexOf('l', from); i >= 4; i = text.indexOf('l', i + 1)) {
      if (text.regionMatches(true, i - 4, "final", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  static List<Candidate> candidates(String text, List<MathSpans.Span> spans) {
    List<Candidate> out = new ArrayList<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      String marker = WHITE.matcher(m.group().toLowerCase(Locale.ROOT)).replaceAll(" ");
      int from = m.end();
      if (marker.equals("final answer")) {
        from = afterIs(text, from);
        if (from < 0) {
          continue;
        }
      }
      int[] value = value(text, skipIntro(text, from), spans);
      if (value == null) {
        continue;
      }
      boolean minerva = marker.startsWith("final answer is") && I_HOPE.matcher(text).region(value[1], text.length())
          .lookingAt();
      String answer = text.substring(value[0], value[1]).strip();
      out.add(new Candidate(minerva ? Extraction.FINAL_ANSWER : Extraction.ANSWER_IS, value[1], answer));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  /** "final answer" without "is" or a colon counts when "is" follows within a hundred characters. */
  private static int afterIs(String text, int from) {
    Matcher is = IS.matcher(text);
    is.region(from, Math.min(text.length(), from + LOOK_AHEAD));
    return is.find() ? is.end() : -1;
  }

  private static int skipIntro(String text, int from) {
    int i = from;
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || ":*".indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  /** Start and end of the value at {@code at}: a span or box starting there, else the sentence; null if empty. */
  private static int[] value(String text, int at, List<MathSpans.Span> spans) {
    for (MathSpans.Span s : spans) {
      if (s.start() == at) {
        return new int[] {s.start(), s.end()};
      }
    }
    if (text.startsWith("\\boxed", at) || text.startsWith("\\fbox", at)) {
      List<Boxes.Box> boxes = Boxes.find(text.substring(at));
      if (!boxes.isEmpty()) {
        return new int[] {at, at + boxes.get(0).end()};
      }
    }
    int end = sentenceEnd(text, at, spans);
    return end > at ? new int[] {at, end} : null;
  }

  /** The end of the sentence at {@code at}: a period, ! or ? before a space, or a line end, outside math spans. */
  private static int sentenceEnd(String text, int at, List<MathSpans.Span> spans) {
    Matcher end = SENTENCE_END.matcher(text);
    end.region(at, text.length());
    while (end.find()) {
      int e = end.start();
      if (!insideSpan(e, spans) && !(e > at && Character.isDigit(text.charAt(e - 1)) && e + 1 < text.length()
          && Character.isDigit(text.charAt(e + 1)))) {
        return e;
      }
    }
    return text.length();
  }

  private static boolean insideSpan(int at, List<MathSpans.Span> spans) {
    for (MathSpans.Span s : spans) {
      if (at > s.start() && at < s.end()) {
        return true;
      }
    }
    return false;
  }
}
