package org.entropyharness.lm.token;

import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;
import org.entropyharness.metric.token.Argmax;
import org.entropyharness.metric.token.LogSoftmax;

/**
 * Draws the next token from a row of logits at a temperature, with a {@link Decoding}'s top-k, top-p and min-p
 * ({@link SamplingCandidates}). Edge cases, decided once:
 *
 * <ul>
 *   <li>temperature 0 is greedy: the argmax, whatever the filters, with no random number drawn; ties go to the lowest
 *       id. A positive temperature so small that the largest logit divided by it overflows a double is greedy too;
 *   <li>a -Infinity logit is a masked token: probability 0, never drawn, even with top-p 1 and min-p 0;
 *   <li>a NaN or +Infinity logit, a row that is all -Infinity, or an infinite or NaN temperature is an error;
 *   <li>top-k 0 or larger than the vocabulary, top-p 1 and min-p 0 each leave the distribution as it is.
 * </ul>
 *
 * <p>A sampled step takes exactly one {@code nextDouble()} from the caller's stream, so a trace seeded alone is
 * reproducible whatever else runs.
 */
public final class TokenSampler {
  private TokenSampler() {}

  /** The token drawn from softmax(row[from, from+length) / temperature) after the decoding's filters. */
  public static int choose(
      float[] row, int from, int length, double temperature, Decoding filters, SplittableRandom random) {
    if (!(temperature >= 0 && temperature < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("sampling temperature must be finite and >= 0: " + temperature);
    }
    int best = Argmax.of(row, from, length);
    if (temperature == 0 || Double.isInfinite(row[from + best] / temperature)) {
      return best;
    }
    double[] p = LogSoftmax.of(row, from, length, temperature);
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(p[i]);
    }
    return SamplingCandidates.of(p, filters.topK(), filters.topP(), filters.minP()).draw(random);
  }
}
