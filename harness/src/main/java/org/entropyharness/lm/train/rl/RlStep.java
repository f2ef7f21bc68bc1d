package org.entropyharness.lm.train.rl;

/**
 * One step of a GRPO run as the training log records it. Quantities a treatment does not have are NaN (doubles) or
 * null (the controller's mode).
 *
 * @param step steps done (1 is the first)
 * @param rewardMean mean reward over the step's samples (the share answered correctly)
 * @param entropy token-mean Shannon entropy (nats) of π_old at T = 1 over every sampled response token, exact
 * @param responseLength mean response length in tokens
 * @param clipFraction share of update tokens the ratio clip took (token-weighted over the mini-batches); NaN when
 *     no sample entered the update
 * @param klToStart token-mean k3 estimate of KL(π ‖ π_start) over the update tokens, before each mini-batch's update
 * @param groupsKept prompts with at least one non-zero advantage (the others contribute nothing and are skipped)
 * @param updateTokens response tokens in the update
 * @param loss token-weighted mean loss of the mini-batches
 * @param gradNorm mean global gradient norm before clipping
 * @param entropyTerm the bonus's token-mean entropy (Shannon or Rényi) on the update tokens, or NaN
 * @param covSelected share of update tokens KL-Cov penalised or Clip-Cov detached, or NaN
 * @param targetLow the controller's band low end at this step, or NaN
 * @param targetHigh the controller's band high end, or NaN
 * @param controllerMode 1 (positive samples only), 0 (all), −1 (negative only), or null
 * @param sampledTokens response tokens sampled
 * @param rolloutSeconds wall time of sampling and grading
 * @param updateSeconds wall time of the updates
 */
public record RlStep(
    int step, double rewardMean, double entropy, double responseLength, double clipFraction, double klToStart,
    int groupsKept, int updateTokens, double loss, double gradNorm, double entropyTerm, double covSelected,
    double targetLow, double targetHigh, Integer controllerMode, int sampledTokens, double rolloutSeconds,
    double updateSeconds) {

  /** Sampled response tokens per second of the whole step (sampling and update). */
  public double tokensPerSecond() {
    return sampledTokens / (rolloutSeconds + updateSeconds);
  }
}
