package org.entropyharness.metric.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entropyharness.metric.answer.compare.Equivalence;
import org.entropyharness.metric.answer.latex.Deadline;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.NotAnExpression;
import org.entropyharness.metric.answer.latex.ParsedAnswer;

/**
 * Grades a model's output against a reference answer: the same {@link AnswerExtractor} finds the answer in both
 * (a reference may be {@code $…$}, {@code \boxed{…}} or a whole solution), the LaTeX parser reads both, and {@link
 * Equivalence} decides whether they mean the same. Answers that do not parse are compared as normalised text.
 *
 * <p>Symja (matheclipse-core 3.0.0) was weighed for symbolic equality and not taken: 42 MB in 58 jars, about 9 s to
 * its first evaluation and about 10 ms per {@code Simplify} on the project's 2-core machine, for answers that exact
 * rationals and evaluation at random points decide. The parser is written here because answers need a forgiving,
 * context-dependent reading (TeX's bare arguments, implicit products, units, tuples against intervals) that a
 * LaTeX renderer's parser (JLaTeXMath) does not give and a grammar would have to be patched around.
 *
 * <p>Each grade has a time budget (default one second) shared by extraction, parsing and comparison; past it the
 * output counts as not equivalent, so a LaTeX bomb cannot hang a run.
 */
public final class AnswerChecker {
  /** Default time budget of one grade. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(1);
  /** Answers longer than this are compared as text only. */
  private static final int MAX_ANSWER = 4000;
  private static final int MAX_CACHED = 20_000;
  private static final Map<String, ExtractedAnswer> REFERENCES = new ConcurrentHashMap<>();
  private static final java.util.regex.Pattern TEXT_COMMAND =
      java.util.regex.Pattern.compile("\\\\(?:text\\w*|mbox|mathrm)\\{([^{}]*)\\}");
  private static final java.util.regex.Pattern SPACING = java.util.regex.Pattern.compile("\\\\[,;!: ]|\\s+|\\$|\\.$");

  private AnswerChecker() {}

  /** Extracts the answer from {@code modelOutput} and checks it against {@code referenceAnswer}. */
  public static Grade grade(String modelOutput, String referenceAnswer) {
    return grade(modelOutput, ReferenceAnswer.of(referenceAnswer), DEFAULT_BUDGET);
  }

  /** Extracts the answer from {@code modelOutput} and checks it against {@code reference}. */
  public static Grade grade(String modelOutput, ReferenceAnswer reference) {
    return grade(modelOutput, reference, DEFAULT_BUDGET);
  }

  /** As {@link #grade(String, ReferenceAnswer)}, giving up as incorrect once {@code budget} is spent. */
  public static Grade grade(String modelOutput, ReferenceAnswer reference, Duration budget) {
    Deadline deadline = Deadline.after(budget);
    ExtractedAnswer found;
    try {
      found = AnswerExtractor.extract(modelOutput, deadline);
    } catch (Deadline.Exceeded | StackOverflowError e) {
      return new Grade("", Extraction.NONE, false);
    }
    if (found.isNone()) {
      return new Grade("", Extraction.NONE, false);
    }
    return new Grade(found.text(), found.extraction(), matches(found, reference, deadline));
  }

  /** True when the answer {@code prediction} (extracted as from any text) matches {@code reference}. */
  public static boolean matches(String prediction, ReferenceAnswer reference) {
    Deadline deadline = Deadline.after(DEFAULT_BUDGET);
    try {
      ExtractedAnswer found = AnswerExtractor.extract(prediction, deadline);
      return !found.isNone() && matches(found, reference, deadline);
    } catch (Deadline.Exceeded e) {
      return false;
    }
  }

  /** True when {@code a} and {@code b} denote the same answer, {@code a} read as the reference. */
  public static boolean equivalent(String a, String b) {
    return equivalent(a, b, DEFAULT_BUDGET);
  }

  /** As {@link #equivalent(String, String)}; false if deciding takes longer than {@code budget}. */
  public static boolean equivalent(String a, String b, Duration budget) {
    Deadline deadline = Deadline.after(budget);
    try {
      ExtractedAnswer found = AnswerExtractor.extract(b, deadline);
      return !found.isNone() && matches(found, ReferenceAnswer.of(a), deadline);
    } catch (Deadline.Exceeded e) {
      return false;
    }
  }

  private static boolean matches(ExtractedAnswer found, ReferenceAnswer reference, Deadline deadline) {
    try {
      List<ExtractedAnswer> gold = new ArrayList<>();
      for (String answer : reference.answers()) {
        gold.add(referenceAnswer(answer, deadline));
      }
      return switch (reference.combination()) {
        case ANY -> gold.stream().anyMatch(g -> same(g, found, deadline));
        case ALL -> gold.size() == 1 ? same(gold.get(0), found, deadline) : all(gold, found, deadline);
        case ORDERED -> gold.size() == 1 ? same(gold.get(0), found, deadline) : ordered(gold, found, deadline);
      };
    } catch (Deadline.Exceeded | StackOverflowError e) {
      return false;
    }
  }

  private static ExtractedAnswer referenceAnswer(String answer, Deadline deadline) {
    ExtractedAnswer cached = REFERENCES.get(answer);
    if (cached != null) {
      return cached;
    }
    ExtractedAnswer found = AnswerExtractor.extract(answer, deadline);
    if (REFERENCES.size() >= MAX_CACHED) {
      REFERENCES.clear();
    }
    REFERENCES.put(answer, found);
    return found;
  }

  private static boolean all(List<ExtractedAnswer> gold, ExtractedAnswer found, Deadline deadline) {
    List<Node> parts = primaries(gold);
    if (parts == null || found.parsed() == null) {
      return false;
    }
    return same(new ParsedAnswer(new AnswerList(parts), null), found.parsed(), deadline);
  }

  private static boolean ordered(List<ExtractedAnswer> gold, ExtractedAnswer found, Deadline deadline) {
    List<Node> parts = primaries(gold);
    if (parts == null || found.parsed() == null) {
      return false;
    }
    Node p = found.parsed().primary();
    List<Node> items = p instanceof AnswerList l ? l.items() : p instanceof Bracketed b ? b.items() : List.of(p);
    if (items.size() != parts.size()) {
      return false;
    }
    Equivalence eq = new Equivalence(deadline);
    for (int k = 0; k < parts.size(); k++) {
      if (!safeEqual(eq, parts.get(k), items.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static List<Node> primaries(List<ExtractedAnswer> gold) {
    List<Node> parts = new ArrayList<>();
    for (ExtractedAnswer g : gold) {
      if (g.parsed() == null) {
        return null;
      }
      parts.add(g.parsed().primary());
    }
    return parts;
  }

  private static boolean same(ExtractedAnswer gold, ExtractedAnswer found, Deadline deadline) {
    if (gold.isNone()) {
      return false;
    }
    if (gold.parsed() == null || found.parsed() == null || gold.text().length() > MAX_ANSWER
        || found.text().length() > MAX_ANSWER) {
      return plain(gold.text()).equals(plain(found.text()));
    }
    return same(gold.parsed(), found.parsed(), deadline);
  }

  private static boolean same(ParsedAnswer gold, ParsedAnswer found, Deadline deadline) {
    Equivalence eq = new Equivalence(deadline);
    for (Node g : gold.readings()) {
      for (Node p : found.readings()) {
        if (safeEqual(eq, g, p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean safeEqual(Equivalence eq, Node g, Node p) {
    try {
      return eq.equal(g, p);
    } catch (NotAnExpression | ArithmeticException e) {
      return false;
    }
  }

  /** Text without dollars, spaces, text commands and case: the comparison of last resort. */
  static String plain(String s) {
    return SPACING.matcher(TEXT_COMMAND.matcher(s).replaceAll("$1").replace("\\$", "")).replaceAll("")
        .toLowerCase(Locale.ROOT);
  }
}
