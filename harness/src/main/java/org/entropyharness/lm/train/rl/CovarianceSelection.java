package org.entropyharness.lm.train.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token selection of Clip-Cov and KL-Cov (Cui et al. 2025, "The Entropy Mechanism of Reinforcement Learning for
 * Reasoning Language Models", and their code {@code compute_policy_loss_kl_cov} / {@code _clip_cov}). A token's
 * covariance is {@code (A − mean A)·(log π − mean log π)}, the means over the update tokens, log π the current
 * policy's (detached) log-probability of the token.
 */
public final class CovarianceSelection {
  private CovarianceSelection() {}

  /** Each token's centred product of advantage and log-probability. */
  public static double[] covariances(float[] advantages, float[] logProbs) {
    int n = advantages.length;
    double meanA = 0;
    double meanL = 0;
    for (int i = 0; i < n; i++) {
      meanA += advantages[i];
      meanL += logProbs[i];
    }
    meanA /= n;
    meanL /= n;
    double[] cov = new double[n];
    for (int i = 0; i < n; i++) {
      cov[i] = (advantages[i] - meanA) * (logProbs[i] - meanL);
    }
    return cov;
  }

  /**
   * KL-Cov: the {@code max(1, ⌊n · topFraction⌋)} tokens of highest covariance (ties to the earlier token), which get
   * the KL penalty.
   */
  public static boolean[] klCov(float[] advantages, float[] logProbs, double topFraction) {
    double[] cov = covariances(advantages, logProbs);
    int k = Math.max(1, (int) (cov.length * topFraction));
    Integer[] order = new Integer[cov.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> cov[a] != cov[b] ? Double.compare(cov[b], cov[a]) : Integer.compare(a, b));
    boolean[] selected = new boolean[cov.length];
    for (int r = 0; r < Math.min(k, order.length); r++) {
      selected[order[r]] = true;
    }
    return selected;
  }

  /**
   * Clip-Cov: among tokens with {@code lower < covariance < upper} that the ratio clip has not clipped, a uniformly
   * random {@code max(1, ⌊n · fraction⌋)} (or all, if fewer), whose gradient is then detached.
   */
  public static boolean[] clipCov(float[] advantages, float[] logProbs, boolean[] clippedByRatio, double fraction,
      double lower, double upper, SplittableRandom rng) {
    double[] cov = covariances(advantages, logProbs);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < cov.length; i++) {
      if (!clippedByRatio[i] && cov[i] > lower && cov[i] < upper) {
        candidates.add(i);
      }
    }
    int k = Math.min(Math.max(1, (int) (cov.length * fraction)), candidates.size());
    for (int i = 0; i < k; i++) { // partial Fisher–Yates: the first k of a uniform permutation
      int j = i + rng.nextInt(candidates.size() - i);
      Integer swap = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, swap);
    }
    boolean[] selected = new boolean[cov.length];
    for (int i = 0; i < k; i++) {
      selected[candidates.get(i)] = true;
    }
    return selected;
  }
}
