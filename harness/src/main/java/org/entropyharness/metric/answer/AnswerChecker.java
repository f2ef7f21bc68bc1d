package org.entropyharness.metric.answer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Grades a model's output against a reference answer. Two answers are equivalent when, after {@link
 * AnswerNormalizer}, they are equal as strings (case-insensitively); or, element by element, as lists (tuples and
 * intervals in order with the same brackets, sets and bare comma lists in any order); or as expressions: exactly
 * equal as rationals, else within a relative 1e-6 when evaluated at five fixed points of their variables. Two exact
 * rationals written without a decimal point must be exactly equal, so AIME's 1000000 never matches 1000001.
 *
 * <p>Symja (matheclipse-core 3.0.0) was weighed for symbolic equality and not taken: 42 MB in 58 jars (its own
 * jar is 7 MB; choco-solver, fastutil, jas, janino, hipparchus, log4j and an older Jackson come along), about 9 s
 * to its first evaluation and about 10 ms per {@code Simplify} on the project's 2-core machine, for answers that
 * exact rationals and evaluation at several points already decide.
 *
 * <p>Each comparison has a time budget (default one second); past it the answers count as not equivalent.
 */
public final class AnswerChecker {
  /** Default time budget of one comparison. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(1);
  private static final double RELATIVE_TOLERANCE = 1e-6;
  private static final int POINTS = 5;
  private static final int MAX_LENGTH = 2000;

  private AnswerChecker() {}

  /** Extracts the answer from {@code modelOutput} and checks it against {@code referenceAnswer}. */
  public static Grade grade(String modelOutput, String referenceAnswer) {
    ExtractedAnswer found = AnswerExtractor.extract(modelOutput);
    boolean correct =
        found.extraction() != Extraction.NONE && equivalent(found.text(), reference(referenceAnswer));
    return new Grade(found.text(), found.extraction(), correct);
  }

  /**
   * The answer part of a reference: GSM8K's references are whole solutions ending in {@code #### N}; others are
   * taken as they are.
   */
  static String reference(String referenceAnswer) {
    int marker = referenceAnswer.lastIndexOf("####");
    return marker < 0 ? referenceAnswer : referenceAnswer.substring(marker + 4).strip();
  }

  /** True when {@code a} and {@code b} denote the same answer, within the default time budget. */
  public static boolean equivalent(String a, String b) {
    return equivalent(a, b, DEFAULT_BUDGET);
  }

  /** True when {@code a} and {@code b} denote the same answer; false if deciding takes longer than {@code budget}. */
  public static boolean equivalent(String a, String b, Duration budget) {
    if (a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
      return a.strip().equals(b.strip());
    }
    try {
      return same(AnswerNormalizer.normalize(a), AnswerNormalizer.normalize(b), Deadline.after(budget));
    } catch (Deadline.Exceeded e) {
      return false;
    }
  }

  private static boolean same(String a, String b, Deadline deadline) {
    if (a.equalsIgnoreCase(b)) {
      return true;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    AnswerList la = AnswerList.of(a);
    AnswerList lb = AnswerList.of(b);
    if (la != null || lb != null) {
      return la != null && lb != null && sameList(la, lb, (x, y) -> same(x, y, deadline));
    }
    return sameValue(a, b, deadline);
  }

  private static boolean sameList(AnswerList a, AnswerList b, BiPredicate<String, String> eq) {
    if (a.ordered() != b.ordered() || a.elements().size() != b.elements().size()) {
      return false;
    }
    if (a.ordered()) {
      if (!a.open().equals(b.open()) || !a.close().equals(b.close())) {
        return false;
      }
      for (int i = 0; i < a.elements().size(); i++) {
        if (!eq.test(a.elements().get(i), b.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return UnorderedMatch.exists(a.elements(), b.elements(), eq);
  }

  private static boolean sameValue(String a, String b, Deadline deadline) {
    Expr ea;
    Expr eb;
    try {
      ea = LatexParser.parse(a, deadline);
      eb = LatexParser.parse(b, deadline);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
    Optional<Rational> ra = ea.exact();
    Optional<Rational> rb = eb.exact();
    if (ra.isPresent() && rb.isPresent()) {
      if (ra.get().equals(rb.get())) {
        return true;
      }
      // Only an answer written as a decimal is an approximation that a tolerance may forgive.
      if (!a.contains(".") && !b.contains(".")) {
        return false;
      }
    }
    return numericallyEqual(ea, eb, deadline);
  }

  private static boolean numericallyEqual(Expr a, Expr b, Deadline deadline) {
    TreeSet<String> vars = new TreeSet<>();
    a.collectVariables(vars);
    b.collectVariables(vars);
    int points = vars.isEmpty() ? 1 : POINTS;
    int compared = 0;
    for (int p = 0; p < points; p++) {
      deadline.check();
      Map<String, Double> at = point(vars, p);
      double x = a.value(at);
      double y = b.value(at);
      boolean xFinite = Double.isFinite(x);
      if (xFinite != Double.isFinite(y)) {
        return false;
      }
      if (xFinite) {
        if (!close(x, y)) {
          return false;
        }
        compared++;
      }
    }
    return compared > 0;
  }

  /** Fixed pseudo-random values in [0.3, 2.3), away from the zeros and poles of simple answers. */
  private static Map<String, Double> point(TreeSet<String> vars, int p) {
    Map<String, Double> at = new HashMap<>();
    Random random = new Random(7919L * (p + 1));
    for (String v : vars) {
      at.put(v, 0.3 + 2 * random.nextDouble());
    }
    return at;
  }

  static boolean close(double x, double y) {
    double diff = Math.abs(x - y);
    return diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) || diff < 1e-12;
  }

  /** Case-folded form used for string comparison in tests and logs. */
  static String canonical(String answer) {
    return AnswerNormalizer.normalize(answer).toLowerCase(Locale.ROOT);
  }

  /** Bipartite matching of two equally long lists under an equivalence, by augmenting paths. */
  static final class UnorderedMatch {
    private UnorderedMatch() {}

    static boolean exists(List<String> a, List<String> b, BiPredicate<String, String> eq) {
      int n = a.size();
      boolean[][] edge = new boolean[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          edge[i][j] = eq.test(a.get(i), b.get(j));
        }
      }
      int[] owner = new int[n];
      java.util.Arrays.fill(owner, -1);
      for (int i = 0; i < n; i++) {
        if (!augment(i, edge, owner, new boolean[n])) {
          return false;
        }
      }
      return true;
    }

    private static boolean augment(int i, boolean[][] edge, int[] owner, boolean[] seen) {
      for (int j = 0; j < owner.length; j++) {
        if (edge[i][j] && !seen[j]) {
          seen[j] = true;
          if (owner[j] < 0 || augment(owner[j], edge, owner, seen)) {
            owner[j] = i;
            return true;
          }
        }
      }
      return false;
    }
  }
}
