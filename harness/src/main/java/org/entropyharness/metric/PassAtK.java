package org.entropyharness.metric;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): with n samples of which c are correct, pass@k = 1 −
 * C(n−c, k) / C(n, k), the chance that a uniformly drawn k-subset holds a correct sample. Computed as the product
 * 1 − ∏_{i=n−c+1}^{n} (1 − k/i), which never forms a binomial coefficient and so neither overflows nor cancels.
 */
public final class PassAtK {
  private PassAtK() {}

  /** pass@k for one question with {@code n} samples, {@code c} of them correct; requires 1 ≤ k ≤ n. */
  public static double passAtK(int n, int c, int k) {
    check(n, c);
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, n=" + n + "]: " + k);
    }
    if (n - c < k) {
      return 1.0;
    }
    double allWrong = 1.0;
    for (int i = n - c + 1; i <= n; i++) {
      allWrong *= 1.0 - (double) k / i;
    }
    return 1.0 - allWrong;
  }

  /** pass@k for every k in 1..n; element {@code k - 1} holds pass@k. */
  public static double[] passAtEveryK(int n, int c) {
    check(n, c);
    double[] out = new double[n];
    for (int k = 1; k <= n; k++) {
      out[k - 1] = passAtK(n, c, k);
    }
    return out;
  }

  /** Mean pass@k over questions; {@code correct[q]} is the number of correct samples of question q. */
  public static double meanPassAtK(int n, int[] correct, int k) {
    double sum = 0;
    for (int c : correct) {
      sum += passAtK(n, c, k);
    }
    return sum / correct.length;
  }

  private static void check(int n, int c) {
    if (n < 1 || c < 0 || c > n) {
      throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n: n=" + n + ", c=" + c);
    }
  }
}
