package org.entropyharness.lm.train.rl;

/**
 * GRPO's advantages (Shao et al. 2024): each sample's reward minus the mean of its group of n samples of the same
 * prompt, divided by the group's standard deviation (unbiased, n − 1, as {@code torch.std}) plus 1e-6, as in verl's
 * {@code compute_grpo_outcome_advantage}. A group whose rewards are all equal gets exactly zero for every sample.
 */
public final class GroupAdvantages {
  /** Added to the standard deviation, as verl does. */
  public static final double EPSILON = 1e-6;

  private GroupAdvantages() {}

  /** Advantages of {@code rewards}, consecutive groups of {@code groupSize} samples (groupSize >= 2). */
  public static double[] normalise(double[] rewards, int groupSize) {
    if (groupSize < 2 || rewards.length % groupSize != 0) {
      throw new IllegalArgumentException("GRPO needs groups of at least 2 samples dividing the batch: " + rewards.length
          + " rewards, groups of " + groupSize);
    }
    double[] advantages = new double[rewards.length];
    for (int start = 0; start < rewards.length; start += groupSize) {
      double mean = 0;
      for (int i = start; i < start + groupSize; i++) {
        mean += rewards[i];
      }
      mean /= groupSize;
      double squares = 0;
      for (int i = start; i < start + groupSize; i++) {
        squares += (rewards[i] - mean) * (rewards[i] - mean);
      }
      double std = Math.sqrt(squares / (groupSize - 1));
      for (int i = start; i < start + groupSize; i++) {
        advantages[i] = (rewards[i] - mean) / (std + EPSILON);
      }
    }
    return advantages;
  }
}
