package org.entropyharness.metric;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The entropy–performance law of Cui et al. (2025, "The Entropy Mechanism of Reinforcement Learning for Reasoning
 * Language Models", arXiv:2505.22617): over the checkpoints of a run, validation accuracy R and policy entropy H
 * (nats) follow R = −a·exp(H) + b, so the accuracy reachable when entropy is spent is the ceiling −a + b (H = 0).
 * The law is linear in x = exp(H), so a and b are the ordinary least-squares line R = b − a·x; R² is
 * 1 − Σ residual² / Σ (R − mean R)².
 *
 * <p>Intervals: a residual bootstrap-t (Davison and Hinkley 1997, §6.3; Efron and Tibshirani 1993, §12.5). The
 * entropies of the checkpoints are fixed by the run, not drawn at random, so the design stays fixed: each replicate
 * adds to the fitted values residuals drawn with replacement from the fit's residuals (divided by √(1 − leverage)
 * and centred, so their spread matches the errors'), refits, and studentizes each estimate with the replicate's own
 * standard error. Percentile intervals from the same replicates would ignore that the error scale is itself
 * estimated from n − 2 degrees of freedom and, with the handful of checkpoints a run has, be far too narrow (at 5
 * checkpoints a 95% interval needs t(3) = 3.18 standard errors, not 1.96); resampling checkpoints instead would, at
 * that size, often draw one entropy only and leave no line to fit. Replicates whose residuals came out all equal
 * have no scatter to studentize by and are left out.
 *
 * <p>What an interval means: the values of a, b or the ceiling consistent, at the given level, with the scatter of
 * these checkpoints about the fitted curve, assuming that curve's form and independent deviations of equal spread.
 * It does not cover error in the measured entropies, correlation between successive checkpoints, or whether the
 * law holds beyond the entropies observed (the ceiling is an extrapolation to H = 0). With 3 checkpoints the
 * residuals carry one degree of freedom and the interval is indicative only: in a simulation with Gaussian noise
 * (1000 datasets, entropies evenly spread over 0.1..1.4 nats) the 95% interval of a held the true value in 76%, 91%,
 * 94% and 94% of datasets at 3, 4, 6 and 12 checkpoints, against 63%, 78%, 86% and 91% for percentile intervals.
 * Exact data gives intervals of width 0.
 *
 * <p>Fewer than 3 checkpoints, a single distinct entropy, non-finite values or arrays of different lengths are an
 * {@link IllegalArgumentException}: there is no fit, and the caller reports the law missing with that message.
 */
public final class EntropyLaw {
  /** Relative residual scale below which a replicate counts as having no scatter. */
  private static final double NO_SCATTER = 1e-9;

  private EntropyLaw() {}

  /** Fits R = −a·exp(H) + b to {@code entropy[i]} (nats) and {@code accuracy[i]} of checkpoint i. */
  public static EntropyLawFit fit(double[] entropy, double[] accuracy, int replicates, double level, long seed) {
    check(entropy, accuracy);
    Bootstrap.checkLevel(level, replicates);
    double[] x = new double[entropy.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(entropy[i]);
    }
    LeastSquaresLine line = LeastSquaresLine.fit(x, accuracy);
    double[][] t = studentized(x, line, replicates, seed);
    return new EntropyLawFit(
        interval(-line.slope(), line.slopeError(), negate(t[0]), level),
        interval(line.intercept(), line.interceptError(), t[1], level),
        interval(line.ceiling(), line.ceilingError(), t[2], level),
        line.rSquared(),
        x.length);
  }

  /** Bootstrap-t statistics (θ* − θ̂) / se*, rows: slope, intercept, ceiling; replicates without scatter left out. */
  private static double[][] studentized(double[] x, LeastSquaresLine line, int replicates, long seed) {
    double[] residuals = line.modifiedResiduals();
    SplittableRandom random = new SplittableRandom(seed);
    double[][] t = new double[3][replicates];
    double[] y = new double[x.length];
    int kept = 0;
    for (int r = 0; r < replicates && line.sigma() > 0; r++) {
      for (int i = 0; i < y.length; i++) {
        y[i] = line.predict(x[i]) + residuals[random.nextInt(residuals.length)];
      }
      LeastSquaresLine star = LeastSquaresLine.fit(x, y);
      if (star.sigma() <= NO_SCATTER * line.sigma()) {
        continue;
      }
      t[0][kept] = (star.slope() - line.slope()) / star.slopeError();
      t[1][kept] = (star.intercept() - line.intercept()) / star.interceptError();
      t[2][kept] = (star.ceiling() - line.ceiling()) / star.ceilingError();
      kept++;
    }
    for (int row = 0; row < 3; row++) {
      t[row] = Arrays.copyOf(t[row], kept);
    }
    return t;
  }

  /** [θ̂ − q(1 − α/2)·se, θ̂ − q(α/2)·se] from the bootstrap-t quantiles q; NaN bounds without replicates. */
  private static Interval interval(double estimate, double standardError, double[] t, double level) {
    if (standardError == 0) {
      return new Interval(estimate, estimate, estimate, level);
    }
    if (t.length == 0) {
      return new Interval(estimate, Double.NaN, Double.NaN, level);
    }
    Arrays.sort(t);
    double tail = (1 - level) / 2;
    return new Interval(estimate,
        estimate - Quantiles.sortedQuantile(t, 1 - tail) * standardError,
        estimate - Quantiles.sortedQuantile(t, tail) * standardError,
        level);
  }

  private static double[] negate(double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = -xs[i];
    }
    return out;
  }

  private static void check(double[] entropy, double[] accuracy) {
    if (entropy.length != accuracy.length) {
      throw new IllegalArgumentException("the entropy law needs one accuracy per entropy: "
          + entropy.length + " entropies, " + accuracy.length + " accuracies");
    }
    if (entropy.length < 3) {
      throw new IllegalArgumentException(
          "the entropy law R = -a*exp(H) + b needs at least 3 checkpoints, got " + entropy.length);
    }
    for (int i = 0; i < entropy.length; i++) {
      if (!Double.isFinite(entropy[i]) || !Double.isFinite(accuracy[i])) {
        throw new IllegalArgumentException("the entropy law needs finite values: checkpoint " + i
            + " has H=" + entropy[i] + ", R=" + accuracy[i]);
      }
    }
    if (Arrays.stream(entropy).distinct().count() < 2) {
      throw new IllegalArgumentException("the entropy law needs at least two different entropies: all "
          + entropy.length + " checkpoints have H=" + entropy[0]);
    }
  }
}
