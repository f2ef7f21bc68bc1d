package org.entropyharness.lm;

import java.util.Objects;

/**
 * One sampled completion with its per-token statistics.
 *
 * @param text the completion text
 * @param promptTokens tokens in the prompt, as the backend counted them
 * @param completionTokens tokens generated
 * @param tokenEntropies Shannon entropy (nats) of each next-token distribution: exact, or of the top-k renormalised,
 *     as {@code provenance} says; NaN where the server returned no logprobs
 * @param tokenConfidences DeepConf token confidence, minus the mean of the top-k logprobs, per token
 *     ({@code metric.token.TopKConfidence}); NaN where there were none
 * @param tokenLogprobs logprob of each chosen token
 * @param provenance what the entropies measured
 * @param finishReason "stop", "length", or the backend's word
 * @param error null, or why this trace failed after retries (then text is empty and it counts as failed)
 */
public record Trace(
    String text,
    int promptTokens,
    int completionTokens,
    float[] tokenEntropies,
    float[] tokenConfidences,
    float[] tokenLogprobs,
    EntropyProvenance provenance,
    String finishReason,
    String error) {

  public Trace {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(provenance, "provenance");
    tokenEntropies = tokenEntropies == null ? new float[0] : tokenEntropies.clone();
    tokenConfidences = tokenConfidences == null ? new float[0] : tokenConfidences.clone();
    tokenLogprobs = tokenLogprobs == null ? new float[0] : tokenLogprobs.clone();
  }

  public static Trace failed(String error, EntropyProvenance provenance) {
    return new Trace("", 0, 0, null, null, null, provenance, "error", error);
  }

  public boolean failed() {
    return error != null;
  }
}
