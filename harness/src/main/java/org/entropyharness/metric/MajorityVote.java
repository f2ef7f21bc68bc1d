package org.entropyharness.metric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * maj@k: the expected accuracy of a majority vote over k samples drawn without replacement from a question's n.
 * Samples without an answer (null) do not vote; a tie among the leading answers counts as the share of them that is
 * correct (a uniform tie-break); a subset where nobody votes is wrong.
 *
 * <p>Exact, by enumerating every k-subset, when there are at most {@link #EXACT_LIMIT} subsets. Beyond that the
 * estimator most evaluation code uses: the mean over {@link #DRAWS} uniformly drawn k-subsets, with a seeded
 * generator so the figure is reproducible.
 */
public final class MajorityVote {
  public static final long EXACT_LIMIT = 200_000;
  public static final int DRAWS = 20_000;

  private MajorityVote() {}

  /**
   * maj@k for one question: {@code answers.get(i)} is sample i's canonical answer (or null), {@code correct[i]}
   * whether that answer is right.
   */
  public static double majAtK(List<String> answers, boolean[] correct, int k, long seed) {
    int n = answers.size();
    if (k < 1 || k > n || correct.length != n) {
      throw new IllegalArgumentException("need 1 <= k <= n and one outcome per answer: k=" + k + ", n=" + n);
    }
    int[] label = labels(answers);
    if (binomial(n, k) <= EXACT_LIMIT) {
      return exact(label, correct, k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] pick = new int[n];
    double sum = 0;
    for (int d = 0; d < DRAWS; d++) {
      sampleSubset(random, n, k, pick);
      sum += vote(label, correct, pick, k);
    }
    return sum / DRAWS;
  }

  private static double exact(int[] label, boolean[] correct, int k) {
    int n = label.length;
    int[] pick = new int[k];
    for (int i = 0; i < k; i++) {
      pick[i] = i;
    }
    double sum = 0;
    long count = 0;
    while (true) {
      sum += vote(label, correct, pick, k);
      count++;
      int i = k - 1;
      while (i >= 0 && pick[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        return sum / count;
      }
      pick[i]++;
      for (int j = i + 1; j < k; j++) {
        pick[j] = pick[j - 1] + 1;
      }
    }
  }

  /** Majority outcome of the samples {@code pick[0..k)}, a tie scored as the correct share of the leaders. */
  static double vote(int[] label, boolean[] correct, int[] pick, int k) {
    Map<Integer, int[]> tally = new HashMap<>();
    int top = 0;
    for (int t = 0; t < k; t++) {
      int s = pick[t];
      if (label[s] < 0) {
        continue;
      }
      int[] c = tally.computeIfAbsent(label[s], x -> new int[2]);
      c[0]++;
      c[1] = correct[s] ? 1 : 0;
      top = Math.max(top, c[0]);
    }
    if (top == 0) {
      return 0;
    }
    int leaders = 0;
    int right = 0;
    for (int[] c : tally.values()) {
      if (c[0] == top) {
        leaders++;
        right += c[1];
      }
    }
    return (double) right / leaders;
  }

  private static int[] labels(List<String> answers) {
    Map<String, Integer> ids = new HashMap<>();
    int[] out = new int[answers.size()];
    for (int i = 0; i < out.length; i++) {
      String a = answers.get(i);
      out[i] = a == null ? -1 : ids.computeIfAbsent(a, x -> ids.size());
    }
    return out;
  }

  /** Partial Fisher–Yates: the first k entries of {@code scratch} become a uniform k-subset of 0..n-1. */
  private static void sampleSubset(SplittableRandom random, int n, int k, int[] scratch) {
    for (int i = 0; i < n; i++) {
      scratch[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = scratch[i];
      scratch[i] = scratch[j];
      scratch[j] = t;
    }
  }

  static long binomial(int n, int k) {
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
      if (r > Long.MAX_VALUE / 2.0) {
        return Long.MAX_VALUE;
      }
    }
    return Math.round(r);
  }
}
