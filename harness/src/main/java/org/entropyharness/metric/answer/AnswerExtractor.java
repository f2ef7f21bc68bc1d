package org.entropyharness.metric.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.LatexParser;
import org.entropyharness.metric.answer.latex.NotAnExpression;
import org.entropyharness.metric.answer.latex.ParsedAnswer;

/**
 * Finds the final answer in a text, a model's output or a reference alike. The targets of {@link Extraction} are
 * tried by priority: the whole text when it is itself an answer; the last box and Minerva's final-answer sentence;
 * answer phrases; the last math span or number outside math. Within a priority the candidate ending last wins;
 * one that does not parse gives way to the next, except a box or a phrase, which is kept as text. Chat-template
 * tokens and what follows them are dropped first; after a {@code </think>}, the text after it is searched first.
 */
public final class AnswerExtractor {
  /** Longer texts are not tried as a whole answer. */
  private static final int MAX_WHOLE = 500;
  /** Only the end of a very long text is searched (answers come last). */
  private static final int MAX_SEARCHED = 50_000;
  private static final String THINK_END = "</think>";

  private AnswerExtractor() {}

  /**
   * The content of the last {@code \boxed{…}} or {@code \fbox{…}} in {@code text} (boxes that list answers with it
   * joined by {@code ", "}), or null when it has none.
   */
  public static String lastBoxed(String text) {
    Candidate box = Boxes.last(text);
    return box == null ? null : box.text();
  }

  /** The answer in {@code text}, or {@link ExtractedAnswer#isNone() none}. */
  public static ExtractedAnswer extract(String text, Deadline deadline) {
    String s = ChatTemplate.strip(text);
    if (s.length() > MAX_SEARCHED) {
      s = s.substring(s.length() - MAX_SEARCHED);
    }
    int think = s.lastIndexOf(THINK_END);
    if (think >= 0) {
      ExtractedAnswer after = search(s.substring(think + THINK_END.length()), deadline);
      if (!after.isNone()) {
        return after;
      }
    }
    return search(s, deadline);
  }

  /**
   * Tries the targets priority by priority, collecting each priority's candidates only when the ones before found
   * nothing: most outputs end in a box, and need no scan for phrases, spans or numbers.
   */
  private static ExtractedAnswer search(String s, Deadline deadline) {
    ExtractedAnswer whole = whole(s, deadline);
    if (whole != null) {
      return whole;
    }
    Candidate box = Boxes.last(s);
    if (box != null && !AnswerPhrases.mayContainFinalAnswer(s, box.end())) {
      ExtractedAnswer boxed = take(box, deadline);
      if (boxed != null && boxed.parsed() != null) {
        return boxed;
      }
    }
    boolean phrases = AnswerPhrases.mayContain(s);
    List<MathSpans.Span> spans = phrases || s.indexOf('$') >= 0 || s.contains("\\(") || s.contains("\\[")
        ? MathSpans.find(s) : List.of();
    List<Candidate> phraseCandidates = phrases ? AnswerPhrases.candidates(s, spans) : List.of();
    List<Candidate> first = new ArrayList<>();
    if (box != null) {
      first.add(box);
    }
    phraseCandidates.stream().filter(c -> c.target() == Extraction.FINAL_ANSWER).forEach(first::add);
    ExtractedAnswer found = firstParsed(first, deadline);
    if (found == null) {
      found = firstParsed(phraseCandidates.stream().filter(c -> c.target() == Extraction.ANSWER_IS).toList(), deadline);
    }
    if (found == null) {
      List<Candidate> last = new ArrayList<>(MathSpans.candidates(spans, s));
      last.addAll(PlainNumbers.candidates(s, masked(s, spans)));
      found = firstParsed(last, deadline);
    }
    return found == null ? ExtractedAnswer.NONE : found;
  }

  private static ExtractedAnswer firstParsed(List<Candidate> candidates, Deadline deadline) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingInt((Candidate c) -> -c.end()));
    for (Candidate c : sorted) {
      ExtractedAnswer found = take(c, deadline);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The whole text as one answer, when it is short, has no box, and parses. */
  private static ExtractedAnswer whole(String s, Deadline deadline) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > MAX_WHOLE || t.contains("\\boxed") || t.contains("\\fbox") || looksLikeProse(t)) {
      return null;
    }
    List<MathSpans.Span> spans = MathSpans.find(t);
    if (spans.size() == 1 && spans.get(0).start() == 0 && spans.get(0).end() >= stripPeriod(t).length()) {
      t = spans.get(0).content();
    }
    ParsedAnswer parsed = parse(t, deadline);
    return parsed == null ? null : new ExtractedAnswer(t, Extraction.WHOLE, parsed);
  }

  /**
   * True when the text has two words of four letters or more outside commands and braces ("So the answer is"):
   * prose, not an answer, told apart without tokenizing it.
   */
  static boolean looksLikeProse(String t) {
    int words = 0;
    int depth = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '{' || c == '}') {
        depth += c == '{' ? 1 : -1;
        i++;
      } else if (Character.isLetter(c) && depth > 0) {
        i++;
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < t.length() && Character.isLetter(t.charAt(i))) {
          i++;
        }
        boolean command = start > 0 && t.charAt(start - 1) == '\\';
        if (!command && i - start >= 4 && ++words >= 2) {
          return true;
        }
      } else {
        i++;
      }
    }
    return false;
  }

  private static String stripPeriod(String t) {
    return t.endsWith(".") ? t.substring(0, t.length() - 1).strip() : t;
  }

  private static ExtractedAnswer take(Candidate c, Deadline deadline) {
    String text = c.text().strip();
    ParsedAnswer parsed = parse(text, deadline);
    if (parsed != null) {
      return new ExtractedAnswer(text, c.target(), parsed);
    }
    if (c.target() == Extraction.ANSWER_IS || c.target() == Extraction.FINAL_ANSWER) {
      ExtractedAnswer inner = inside(text, deadline);
      return new ExtractedAnswer(inner == null ? text : inner.text(), c.target(), inner == null ? null : inner.parsed());
    }
    return c.target() == Extraction.BOXED ? new ExtractedAnswer(text, c.target(), null) : null;
  }

  /** An answer phrase whose sentence is prose: the value after its last " is ", or its last span or number. */
  private static ExtractedAnswer inside(String sentence, Deadline deadline) {
    int is = sentence.lastIndexOf(" is ");
    if (is >= 0) {
      String after = sentence.substring(is + 4).strip();
      ParsedAnswer parsed = parse(after, deadline);
      if (parsed != null) {
        return new ExtractedAnswer(after, Extraction.ANSWER_IS, parsed);
      }
    }
    List<MathSpans.Span> spans = MathSpans.find(sentence);
    List<Candidate> inner = new ArrayList<>(MathSpans.candidates(spans, sentence));
    inner.addAll(PlainNumbers.candidates(sentence, masked(sentence, spans)));
    inner.sort(Comparator.comparingInt((Candidate c) -> -c.end()));
    for (Candidate c : inner) {
      ParsedAnswer parsed = parse(c.text(), deadline);
      if (parsed != null) {
        return new ExtractedAnswer(c.text(), c.target(), parsed);
      }
    }
    return null;
  }

  private static List<int[]> masked(String s, List<MathSpans.Span> spans) {
    List<int[]> out = new ArrayList<>();
    spans.forEach(sp -> out.add(new int[] {sp.start(), sp.end()}));
    Boxes.find(s).forEach(b -> out.add(new int[] {b.start(), b.end()}));
    return out;
  }

  /** The parsed answer, or null when {@code text} is not one. */
  static ParsedAnswer parse(String text, Deadline deadline) {
    try {
      return LatexParser.parse(text, deadline);
    } catch (NotAnExpression | ArithmeticException e) {
      return null;
    }
  }
}
