package org.entropyharness.lm.train.rl;

/**
 * One sampled response to a prompt, with what the sampler measured of the policy that drew it.
 *
 * @param group the prompt's index within the step (samples of a group share a prompt)
 * @param prompt token ids of {@code <bos>} + question + newline
 * @param response token ids the policy drew, ending in {@code <eos>} when it stopped there
 * @param oldLogProbs log π_old of each response token as the sampler computed it (full-vocabulary softmax at T = 1;
 *     within 1e-4 of libtorch's, which the update recomputes and uses)
 * @param entropies Shannon entropy (nats) of π_old at each response position, exact
 * @param correct the answer checker's verdict on the response
 */
public record RolloutSample(
    int group, int[] prompt, int[] response, float[] oldLogProbs, float[] entropies, boolean correct) {
  public RolloutSample {
    if (response.length != oldLogProbs.length || response.length != entropies.length) {
      throw new IllegalArgumentException("a response of " + response.length + " tokens needs as many log-probs ("
          + oldLogProbs.length + ") and entropies (" + entropies.length + ")");
    }
  }

  /** The reward: 1 for a correct answer, else 0. */
  public double reward() {
    return correct ? 1 : 0;
  }
}
