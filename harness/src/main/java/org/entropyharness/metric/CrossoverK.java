package org.entropyharness.metric;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The k at which a base model catches up (Yue et al. 2025, "Does Reinforcement Learning Really Incentivize Reasoning
 * Capacity in LLMs Beyond the Base Model?"): RL-trained models lead at pass@1 but the base model's pass@k curve
 * reaches theirs at some larger k. With each problem's sample count n_i and correct count c_i for both models, the
 * curves are the means over problems of the unbiased pass@k ({@link PassAtK}) for k = 1..K, K the smallest n_i of
 * either model, and the crossover is the smallest k with base pass@k ≥ model pass@k − 1e-12 (the slack absorbs
 * rounding between equal values computed from different counts). The paper reads it off curves at k = 1, 2, 4, …,
 * 256; here every k counts.
 *
 * <p>Uncertainty: a paired bootstrap over problems (each replicate draws problems with replacement and keeps both
 * models' counts for a drawn problem), giving a percentile interval of the crossover k and the share of replicates
 * with no crossover up to K. In the ordering a replicate without crossover sits above K, so an interval end that
 * lands there is reported as "none" (empty). Interval ends are order statistics (no interpolation between two k).
 * Samples within a problem are not resampled: pass@k is already the exact expectation over k-subsets of them, and
 * drawing samples with replacement would duplicate samples and bias pass@k at large k downwards.
 *
 * <p>No problems, or not the same number of problems for both models, is an {@link IllegalArgumentException}:
 * "no crossover" is a finding and must not stand for "nothing measured"; the caller reports that case missing.
 */
public final class CrossoverK {
  /** Rounding slack when comparing two mean pass@k values. */
  static final double SLACK = 1e-12;

  private CrossoverK() {}

  /** The smallest k (1-based) with {@code base[k-1] ≥ model[k-1] − 1e-12}, over the common length; or empty. */
  public static OptionalInt crossover(double[] modelCurve, double[] baseCurve) {
    int length = Math.min(modelCurve.length, baseCurve.length);
    for (int k = 1; k <= length; k++) {
      if (baseCurve[k - 1] >= modelCurve[k - 1] - SLACK) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The crossover of the base's pass@k curve with the model's and its paired bootstrap interval; problem i has
   * {@code modelSamples[i]} samples of the model, {@code modelCorrect[i]} of them correct, and likewise for the base.
   */
  public static Crossover of(int[] modelSamples, int[] modelCorrect, int[] baseSamples, int[] baseCorrect,
      int replicates, double level, long seed) {
    PassAtK.checkSameLength(modelSamples, modelCorrect);
    PassAtK.checkSameLength(baseSamples, baseCorrect);
    if (modelSamples.length != baseSamples.length || modelSamples.length == 0) {
      throw new IllegalArgumentException("crossover-k needs the same problems, at least one, for model and base: "
          + modelSamples.length + " problems for the model, " + baseSamples.length + " for the base");
    }
    Bootstrap.checkLevel(level, replicates);
    double[][] gapByK = gaps(modelSamples, modelCorrect, baseSamples, baseCorrect);
    int maxK = gapByK.length;
    int[] weight = new int[modelSamples.length];
    Arrays.fill(weight, 1);
    int estimate = firstReached(gapByK, weight);
    SplittableRandom random = new SplittableRandom(seed);
    int[] found = new int[replicates];
    int none = 0;
    for (int r = 0; r < replicates; r++) {
      Arrays.fill(weight, 0);
      for (int i = 0; i < weight.length; i++) {
        weight[random.nextInt(weight.length)]++;
      }
      found[r] = firstReached(gapByK, weight);
      none += found[r] > maxK ? 1 : 0;
    }
    Arrays.sort(found);
    double tail = (1 - level) / 2;
    int low = found[(int) Math.floor(tail * (replicates - 1))];
    int high = found[(int) Math.ceil((1 - tail) * (replicates - 1))];
    return new Crossover(
        present(estimate, maxK), present(low, maxK), present(high, maxK), level, (double) none / replicates, maxK);
  }

  /** {@code gap[k-1][i]} = base pass@k − model pass@k on problem i, for k up to the smallest n. */
  private static double[][] gaps(int[] modelSamples, int[] modelCorrect, int[] baseSamples, int[] baseCorrect) {
    int maxK = Integer.MAX_VALUE;
    for (int i = 0; i < modelSamples.length; i++) {
      maxK = Math.min(maxK, Math.min(modelSamples[i], baseSamples[i]));
    }
    double[][] gap = new double[Math.max(maxK, 0)][modelSamples.length];
    for (int i = 0; i < modelSamples.length; i++) {
      double[] model = PassAtK.passAtEveryK(modelSamples[i], modelCorrect[i]);
      double[] base = PassAtK.passAtEveryK(baseSamples[i], baseCorrect[i]);
      for (int k = 0; k < gap.length; k++) {
        gap[k][i] = base[k] - model[k];
      }
    }
    return gap;
  }

  /** The smallest k whose weighted mean gap reaches −slack, or maxK + 1 when none does. */
  private static int firstReached(double[][] gapByK, int[] weight) {
    int problems = weight.length;
    for (int k = 0; k < gapByK.length; k++) {
      double sum = 0;
      double[] gap = gapByK[k];
      for (int i = 0; i < problems; i++) {
        sum += weight[i] * gap[i];
      }
      if (sum / problems >= -SLACK) {
        return k + 1;
      }
    }
    return gapByK.length + 1;
  }

  private static OptionalInt present(int k, int maxK) {
    return k > maxK ? OptionalInt.empty() : OptionalInt.of(k);
  }
}
