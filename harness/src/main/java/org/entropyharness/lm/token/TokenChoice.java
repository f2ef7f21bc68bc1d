package org.entropyharness.lm.token;

import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.metric.token.LogSoftmax;
import org.entropyharness.metric.token.SoftmaxEntropy;
import org.entropyharness.metric.token.TopKConfidence;

/**
 * One decoding step from full-vocabulary logits: the chosen token and the statistics of the model's own distribution
 * there (temperature 1, whatever the sampling temperature), which traces record with provenance {@code exact T=1}.
 *
 * @param token the chosen token id
 * @param entropy exact Shannon entropy in nats of the next-token distribution ({@link SoftmaxEntropy})
 * @param confidence DeepConf token confidence, minus the mean of the top-k logprobs ({@link TopKConfidence})
 * @param logprob the chosen token's logprob
 * @param temperature the sampling temperature used: the decoding's, or the entropy-dependent one; 0 for greedy
 */
public record TokenChoice(int token, float entropy, float confidence, float logprob, double temperature) {

  /**
   * Measures {@code row[from, from+length)} and chooses from it: the temperature is the decoding's fixed one, or EDT's
   * {@code t0·base^(θ/H)} from this step's exact entropy H ({@link Decoding.EntropyAdaptiveTemperature}); then
   * {@link TokenSampler}.
   *
   * @param confidenceTopK k of the DeepConf confidence
   * @throws org.entropyharness.metric.token.InvalidLogitsException when the row defines no distribution
   */
  public static TokenChoice choose(
      float[] row, int from, int length, Decoding decoding, int confidenceTopK, SplittableRandom random) {
    double entropy = SoftmaxEntropy.shannon(row, from, length);
    double[] logprobs = LogSoftmax.of(row, from, length, 1.0);
    double temperature = decoding.entropyAdaptive() != null
        ? decoding.entropyAdaptive().temperatureFor(entropy)
        : decoding.temperature();
    int token = TokenSampler.choose(row, from, length, temperature, decoding, random);
    return new TokenChoice(token, (float) entropy, (float) TopKConfidence.of(logprobs, confidenceTopK),
        (float) logprobs[token], temperature);
  }
}
