package org.entropyharness.metric;

/**
 * High-entropy "forking" tokens after Wang et al. (2025, "Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive
 * Effective Reinforcement Learning for LLM Reasoning", arXiv:2506.01939): a minority of tokens, the top 20% by
 * entropy, decide where a chain of thought goes, and RLVR training largely keeps the base model's high-entropy
 * positions (their Table 1: over 86% of them overlap at convergence).
 *
 * <ul>
 *   <li>{@link #threshold}: the p-th percentile (default 80) of a reference set of token entropies, normally the
 *       base model's, pooled over all tokens given. Percentiles interpolate linearly between order statistics,
 *       numpy's default ({@code method='linear'}): with the n values sorted, position (p/100)·(n − 1).
 *   <li>{@link #share}: the fraction of a model's tokens whose entropy is ≥ the threshold.
 *   <li>{@link #overlap}: for two entropy sequences over the same tokens (the base model and a model scoring the
 *       same traces), |B ∩ M| / |B|, where B holds the positions at or above the base sequence's own p-th
 *       percentile and M those at or above the model sequence's own. The paper reports the overlap of the two
 *       models' top-20% positions on the same responses without writing out the denominator; with both sets
 *       20% of the same tokens, |B| = |M| up to ties, and |B| keeps the figure "the share of the base model's
 *       forking positions the model keeps".
 * </ul>
 *
 * <p>Percentiles are taken over all tokens passed in, pooled across traces, as the paper's token selection ranks
 * all response tokens of a batch together; per-trace figures come from calling these on one trace. Ties at the
 * threshold all count as high (≥), so a set can exceed the nominal share when many tokens share the percentile's
 * value (e.g. many entropies of exactly 0).
 *
 * <p>No tokens gives NaN (threshold value, share, overlap): a run whose traces all failed has nothing to measure and
 * the caller reports it missing. A non-finite entropy, a percentile outside [0, 100] or sequences of different
 * lengths for the same tokens are programming errors ({@link IllegalArgumentException}).
 */
public final class ForkingTokens {
  /** The 80th percentile: the top 20% of tokens by entropy. */
  public static final double DEFAULT_PERCENTILE = 80;

  private ForkingTokens() {}

  /** The {@code percentile}-th percentile of the reference entropies (nats); NaN value for no tokens. */
  public static ForkingThreshold threshold(double[] reference, double percentile) {
    checkPercentile(percentile);
    checkFinite(reference);
    return new ForkingThreshold(percentile, Quantiles.quantile(reference, percentile / 100), reference.length);
  }

  /** Fraction of {@code entropies} at or above {@code threshold}; NaN for no tokens or a NaN threshold. */
  public static double share(double[] entropies, double threshold) {
    checkFinite(entropies);
    if (entropies.length == 0 || Double.isNaN(threshold)) {
      return Double.NaN;
    }
    int high = 0;
    for (double h : entropies) {
      high += h >= threshold ? 1 : 0;
    }
    return (double) high / entropies.length;
  }

  /**
   * |B ∩ M| / |B| for the positions B at or above the {@code percentile}-th percentile of {@code base} and M at or
   * above that of {@code model}, both over the same tokens; NaN for no tokens.
   */
  public static double overlap(double[] base, double[] model, double percentile) {
    if (base.length != model.length) {
      throw new IllegalArgumentException("overlap needs the base and the model scored on the same tokens: "
          + base.length + " base entropies, " + model.length + " model entropies");
    }
    double baseThreshold = threshold(base, percentile).value();
    double modelThreshold = threshold(model, percentile).value();
    if (base.length == 0) {
      return Double.NaN;
    }
    int inBase = 0;
    int inBoth = 0;
    for (int i = 0; i < base.length; i++) {
      if (base[i] >= baseThreshold) {
        inBase++;
        inBoth += model[i] >= modelThreshold ? 1 : 0;
      }
    }
    return (double) inBoth / inBase;
  }

  /** {@link #overlap} over traces: trace t of the base and of the model must have the same number of tokens. */
  public static double overlapOfTraces(float[][] base, float[][] model, double percentile) {
    if (base.length != model.length) {
      throw new IllegalArgumentException("overlap needs the same traces for base and model: "
          + base.length + " base traces, " + model.length + " model traces");
    }
    for (int t = 0; t < base.length; t++) {
      if (base[t].length != model[t].length) {
        throw new IllegalArgumentException("overlap needs the base and the model scored on the same tokens: trace "
            + t + " has " + base[t].length + " base entropies, " + model[t].length + " model entropies");
      }
    }
    return overlap(EntropyAggregation.pooled(base), EntropyAggregation.pooled(model), percentile);
  }

  private static void checkPercentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100]: " + percentile);
    }
  }

  private static void checkFinite(double[] entropies) {
    for (int i = 0; i < entropies.length; i++) {
      if (!Double.isFinite(entropies[i])) {
        throw new IllegalArgumentException("token entropies must be finite: token " + i + " has " + entropies[i]);
      }
    }
  }
}
