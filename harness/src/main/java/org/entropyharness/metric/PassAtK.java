package org.entropyharness.metric;

/**
 * The unbiased pass@k estimator of Chen et al. (2021, "Evaluating Large Language Models Trained on Code"): with n
 * samples of which c are correct, pass@k = 1 − C(n−c, k) / C(n, k), the chance that a uniformly drawn k-subset of
 * the n samples holds a correct one. The mean over problems is the curve Yue et al. (2025) plot up to k = 256.
 *
 * <p>C(n−c, k) / C(n, k) is formed as a product of min(c, k) factors, either ∏_{i=n−c+1}^{n} (1 − k/i) or
 * ∏_{j=0}^{k−1} (1 − c/(n−j)) (the same number), summed in log space with {@code log1p} and turned back with
 * {@code expm1}: no binomial coefficient is formed, so nothing overflows, and a small pass@k keeps its relative
 * precision instead of cancelling against 1. Against exact rational arithmetic at n = 1024 over every c and k the
 * error stays within a few ulps.
 *
 * <p>Inputs are counts: n ≥ 1, 0 ≤ c ≤ n, 1 ≤ k ≤ n, anything else is a programming error
 * ({@link IllegalArgumentException}). An empty problem list has no mean: {@link #perProblem} returns an empty array
 * and {@link #mean} NaN, which the caller reports as missing.
 */
public final class PassAtK {
  private PassAtK() {}

  /** pass@k for one problem with {@code n} samples, {@code c} of them correct; requires 1 ≤ k ≤ n. */
  public static double passAtK(int n, int c, int k) {
    check(n, c);
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, n=" + n + "]: " + k);
    }
    if (n - c < k) {
      return 1.0;
    }
    double logAllWrong = 0;
    if (c <= k) {
      for (int i = n - c + 1; i <= n; i++) {
        logAllWrong += Math.log1p(-(double) k / i);
      }
    } else {
      for (int j = 0; j < k; j++) {
        logAllWrong += Math.log1p(-(double) c / (n - j));
      }
    }
    return 0.0 - Math.expm1(logAllWrong); // 0.0 − …: c = 0 gives 0.0, not −0.0
  }

  /**
   * pass@k for every k in 1..n; element {@code k - 1} holds pass@k. One pass over k, using C(n−c, k+1) / C(n, k+1)
   * = C(n−c, k) / C(n, k) · (1 − c/(n−k)).
   */
  public static double[] passAtEveryK(int n, int c) {
    check(n, c);
    double[] out = new double[n];
    double logAllWrong = 0;
    for (int k = 1; k <= n; k++) {
      if (n - c < k) {
        out[k - 1] = 1.0; // every k-subset holds a correct sample
        continue;
      }
      logAllWrong += Math.log1p(-(double) c / (n - k + 1));
      out[k - 1] = 0.0 - Math.expm1(logAllWrong);
    }
    return out;
  }

  /** Mean pass@k over problems that all drew {@code n} samples; {@code correct[q]} is problem q's count. */
  public static double meanPassAtK(int n, int[] correct, int k) {
    double sum = 0;
    for (int c : correct) {
      sum += passAtK(n, c, k);
    }
    return correct.length == 0 ? Double.NaN : sum / correct.length;
  }

  /**
   * pass@k of each problem: problem q drew {@code samples[q]} samples of which {@code correct[q]} are right. Every
   * problem needs k ≤ its n.
   */
  public static double[] perProblem(int[] samples, int[] correct, int k) {
    checkSameLength(samples, correct);
    double[] out = new double[samples.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = passAtK(samples[q], correct[q], k);
    }
    return out;
  }

  /**
   * Mean pass@k over problems with a percentile bootstrap interval that resamples problems (the per-problem pass@k
   * is already the exact expectation over k-subsets of that problem's samples, so the samples are not resampled);
   * NaN estimate and bounds for no problems.
   */
  public static Interval mean(int[] samples, int[] correct, int k, int replicates, double level, long seed) {
    return Bootstrap.meanOverItems(perProblem(samples, correct, k), replicates, level, seed);
  }

  /**
   * The pass@k curve: element {@code k - 1} is the mean over problems of pass@k, for k = 1 up to the smallest n
   * among the problems (beyond it some problem has no estimate). Empty for no problems.
   */
  public static double[] curve(int[] samples, int[] correct) {
    checkSameLength(samples, correct);
    if (samples.length == 0) {
      return new double[0];
    }
    int maxK = Integer.MAX_VALUE;
    for (int n : samples) {
      maxK = Math.min(maxK, n);
    }
    double[] sum = new double[maxK];
    for (int q = 0; q < samples.length; q++) {
      double[] every = passAtEveryK(samples[q], correct[q]);
      for (int k = 0; k < sum.length; k++) {
        sum[k] += every[k];
      }
    }
    for (int k = 0; k < sum.length; k++) {
      sum[k] /= samples.length;
    }
    return sum;
  }

  static void checkSameLength(int[] samples, int[] correct) {
    if (samples.length != correct.length) {
      throw new IllegalArgumentException("need one sample count and one correct count per problem: "
          + samples.length + " sample counts, " + correct.length + " correct counts");
    }
  }

  private static void check(int n, int c) {
    if (n < 1 || c < 0 || c > n) {
      throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n: n=" + n + ", c=" + c);
    }
  }
}
