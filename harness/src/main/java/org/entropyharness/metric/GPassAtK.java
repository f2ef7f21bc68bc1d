package org.entropyharness.metric;

/**
 * G-Pass@k_τ of Liu et al. (2024, "Are Your LLMs Capable of Stable Reasoning?", arXiv:2412.13147): with n samples
 * of which c are correct, the chance that a uniformly drawn k-subset holds at least ⌈τ·k⌉ correct ones,
 *
 * <pre>  G-Pass@k_τ = Σ_{j=⌈τk⌉}^{min(c,k)} C(c, j) · C(n−c, k−j) / C(n, k)</pre>
 *
 * the upper tail of a hypergeometric distribution. τ = 1 asks for all k correct; as in the authors' reference code
 * (open-compass/GPassK, {@code max(ceil(k·τ), 1)}) the threshold is at least one, so τ = 0 gives pass@k.
 *
 * <p>⌈τk⌉ is the mathematical ceiling: τ·k within 1e-9 of an integer counts as that integer, so τ = 0.7 at k = 10
 * asks for 7 (plain floating-point {@code ceil(10 · 0.7)} would give 8). The binary fractions the paper reports
 * (0.25, 0.5, 0.75, 1.0) are exact either way.
 *
 * <p>mG-Pass@k, the paper's summary over τ ∈ [0.5, 1], is their discrete form of 2∫_{0.5}^{1} G-Pass@k_τ dτ:
 *
 * <pre>  mG-Pass@k = (2/k) · Σ_{i=⌈k/2⌉+1}^{k} G-Pass@k_{i/k}</pre>
 *
 * For even k this is the integral exactly (G-Pass@k_τ is a step function of τ); for odd k it leaves out the step on
 * (1/2, ⌈k/2⌉/k], as the paper's formula and code do. k = 1 has no term, so mG-Pass needs k ≥ 2.
 *
 * <p>The terms are built from the distribution's mode outward with the ratio of neighbouring terms, and a tail is
 * divided by the sum of all terms: no binomial coefficient is formed (C(1024, 512) overflows a double), and tails
 * down to about 1e-300 of the mode keep their relative precision (smaller ones underflow to 0).
 *
 * <p>Counts outside n ≥ 1, 0 ≤ c ≤ n, 1 ≤ k ≤ n, or τ outside [0, 1], are programming errors
 * ({@link IllegalArgumentException}). No problems: an empty per-problem array and a NaN mean (missing).
 */
public final class GPassAtK {
  private static final double INTEGER_SLACK = 1e-9;

  private GPassAtK() {}

  /** G-Pass@k_τ of one problem with {@code n} samples, {@code c} correct. */
  public static double gPassAtK(int n, int c, int k, double tau) {
    return atLeast(n, c, k, threshold(k, tau));
  }

  /**
   * The chance that a uniform k-subset of the n samples holds at least {@code m} correct ones (m ≥ 0; 1 for m = 0,
   * 0 for m > min(c, k)).
   */
  public static double atLeast(int n, int c, int k, int m) {
    check(n, c, k);
    if (m < 0) {
      throw new IllegalArgumentException("the number of correct samples asked for must be >= 0: " + m);
    }
    return new Tail(n, c, k).atLeast(m);
  }

  /** The number of correct samples G-Pass@k_τ asks for: max(⌈τ·k⌉, 1). */
  public static int threshold(int k, double tau) {
    if (!(tau >= 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must be in [0, 1]: " + tau);
    }
    double t = tau * k;
    double nearest = Math.rint(t);
    int ceiling = (int) (Math.abs(t - nearest) <= INTEGER_SLACK ? nearest : Math.ceil(t));
    return Math.max(ceiling, 1);
  }

  /** mG-Pass@k of one problem: (2/k) Σ_{i=⌈k/2⌉+1}^{k} G-Pass@k_{i/k}; requires k ≥ 2. */
  public static double mGPassAtK(int n, int c, int k) {
    check(n, c, k);
    if (k < 2) {
      throw new IllegalArgumentException("mG-Pass@k needs k >= 2: its sum over tau in (0.5, 1] is empty for k = 1");
    }
    Tail tail = new Tail(n, c, k);
    double sum = 0;
    for (int i = (k + 1) / 2 + 1; i <= k; i++) {
      sum += tail.atLeast(i);
    }
    return 2 * sum / k;
  }

  /** G-Pass@k_τ of each problem ({@code samples[q]} samples, {@code correct[q]} correct). */
  public static double[] perProblem(int[] samples, int[] correct, int k, double tau) {
    PassAtK.checkSameLength(samples, correct);
    int m = threshold(k, tau);
    double[] out = new double[samples.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = atLeast(samples[q], correct[q], k, m);
    }
    return out;
  }

  /** mG-Pass@k of each problem. */
  public static double[] mGPerProblem(int[] samples, int[] correct, int k) {
    PassAtK.checkSameLength(samples, correct);
    double[] out = new double[samples.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = mGPassAtK(samples[q], correct[q], k);
    }
    return out;
  }

  /** Mean G-Pass@k_τ over problems with a percentile bootstrap interval resampling problems; NaN for none. */
  public static Interval mean(
      int[] samples, int[] correct, int k, double tau, int replicates, double level, long seed) {
    return Bootstrap.meanOverItems(perProblem(samples, correct, k, tau), replicates, level, seed);
  }

  /** Mean mG-Pass@k over problems with a percentile bootstrap interval resampling problems; NaN for none. */
  public static Interval mGMean(int[] samples, int[] correct, int k, int replicates, double level, long seed) {
    return Bootstrap.meanOverItems(mGPerProblem(samples, correct, k), replicates, level, seed);
  }

  private static void check(int n, int c, int k) {
    if (n < 1 || c < 0 || c > n) {
      throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n: n=" + n + ", c=" + c);
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, n=" + n + "]: " + k);
    }
  }

  /** Upper tails of the hypergeometric law of the correct count in a k-subset, from weights relative to the mode. */
  private static final class Tail {
    private final int low;
    private final int high;
    private final double[] atLeast;

    Tail(int n, int c, int k) {
      low = Math.max(0, k - (n - c));
      high = Math.min(c, k);
      double[] weight = new double[high - low + 1];
      int mode = (int) Math.min(high, Math.max(low, (long) (k + 1) * (c + 1) / (n + 2)));
      weight[mode - low] = 1;
      for (int j = mode; j < high; j++) {
        weight[j + 1 - low] = weight[j - low] * ((double) (c - j) * (k - j)) / ((double) (j + 1) * (n - c - k + j + 1));
      }
      for (int j = mode; j > low; j--) {
        weight[j - 1 - low] = weight[j - low] * ((double) j * (n - c - k + j)) / ((double) (c - j + 1) * (k - j + 1));
      }
      atLeast = new double[weight.length];
      double sum = 0;
      for (int j = high; j >= low; j--) {
        sum += weight[j - low];
        atLeast[j - low] = sum;
      }
      for (int i = 0; i < atLeast.length; i++) {
        atLeast[i] = Math.min(1, atLeast[i] / sum);
      }
    }

    double atLeast(int m) {
      if (m <= low) {
        return 1;
      }
      return m > high ? 0 : atLeast[m - low];
    }
  }
}
