package org.entropyharness.method.reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Weighted plurality vote over answers grouped by an equivalence. */
public final class Vote {
  private Vote() {}

  /**
   * The answer with the largest total weight. Answers are grouped by {@code equivalence} against each group's first
   * member, which represents the group. Empty answers and non-positive or NaN weights do not vote. Ties go to the
   * group that appeared first, so the result does not depend on hash order.
   *
   * @return the winning group's representative, or "" when nobody voted
   */
  public static String weighted(List<String> answers, List<Double> weights, BiPredicate<String, String> equivalence) {
    if (answers.size() != weights.size()) {
      throw new IllegalArgumentException("one weight per answer: " + answers.size() + " vs " + weights.size());
    }
    List<String> reps = new ArrayList<>();
    List<Double> totals = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      String a = answers.get(i);
      double w = weights.get(i);
      if (a == null || a.isEmpty() || !(w > 0)) {
        continue;
      }
      int g = group(reps, a, equivalence);
      if (g < 0) {
        reps.add(a);
        totals.add(w);
      } else {
        totals.set(g, totals.get(g) + w);
      }
    }
    int best = -1;
    for (int g = 0; g < reps.size(); g++) {
      if (best < 0 || totals.get(g) > totals.get(best)) {
        best = g;
      }
    }
    return best < 0 ? "" : reps.get(best);
  }

  /** One vote per answer. */
  public static String majority(List<String> answers, BiPredicate<String, String> equivalence) {
    return weighted(answers, answers.stream().map(a -> 1.0).toList(), equivalence);
  }

  private static int group(List<String> reps, String a, BiPredicate<String, String> equivalence) {
    for (int g = 0; g < reps.size(); g++) {
      if (reps.get(g).equals(a) || equivalence.test(reps.get(g), a)) {
        return g;
      }
    }
    return -1;
  }
}
