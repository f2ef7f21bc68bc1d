package org.entropyharness.lm;

import java.util.Objects;

/**
 * One prompt to complete {@code n} times.
 *
 * @param promptId the dataset item id
 * @param prompt the full prompt text
 * @param decoding sampling parameters
 * @param n number of traces
 * @param seed base seed; trace i uses a seed derived from (seed, i)
 */
public record GenerationRequest(String promptId, String prompt, Decoding decoding, int n, long seed) {
  public GenerationRequest {
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(decoding, "decoding");
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
  }
}
