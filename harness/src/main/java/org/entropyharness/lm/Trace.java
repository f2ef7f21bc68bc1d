package org.entropyharness.lm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sampled completion with its per-token statistics.
 *
 * <p>What a backend could not measure is marked, never filled in: a token count it does not know is
 * {@link #UNKNOWN}, a per-token value it does not know is NaN, and {@link #notes} says why for each kind of
 * measurement (the metrics print it as "missing, because …").
 *
 * @param text the completion text
 * @param promptTokens tokens in the prompt, as the backend counted them; {@link #UNKNOWN} when not known
 * @param completionTokens tokens generated; {@link #UNKNOWN} when not known
 * @param tokenEntropies Shannon entropy (nats) of each next-token distribution: exact, or of the top-k renormalised,
 *     as {@code provenance} says; NaN where not measured
 * @param tokenConfidences DeepConf token confidence, minus the mean of the top-k logprobs, per token
 *     ({@code metric.token.TopKConfidence}); NaN where not measured
 * @param tokenLogprobs logprob of each chosen token; NaN where not measured
 * @param provenance what the entropies measured
 * @param finishReason "stop", "length", or the backend's word
 * @param error null, or why this trace failed after retries (then text is empty and it counts as failed)
 * @param notes per kind of measurement, why it is missing or partial, or how it was obtained when not the usual way
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
    String error,
    Map<Measure, String> notes) {

  /** A token count the backend could not measure. */
  public static final int UNKNOWN = -1;

  /** The kinds of measurement a trace carries, as keys of {@link #notes}. */
  public enum Measure {
    /** {@link #promptTokens}. */
    PROMPT_TOKENS,
    /** {@link #completionTokens}. */
    COMPLETION_TOKENS,
    /** {@link #tokenLogprobs}. */
    CHOSEN_LOGPROBS,
    /** {@link #tokenEntropies} and {@link #tokenConfidences}, which come from the top-k logprobs. */
    TOP_LOGPROBS
  }

  public Trace {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(provenance, "provenance");
    tokenEntropies = tokenEntropies == null ? new float[0] : tokenEntropies.clone();
    tokenConfidences = tokenConfidences == null ? new float[0] : tokenConfidences.clone();
    tokenLogprobs = tokenLogprobs == null ? new float[0] : tokenLogprobs.clone();
    if (promptTokens < UNKNOWN || completionTokens < UNKNOWN) {
      throw new IllegalArgumentException(
          "token counts are >= 0 or UNKNOWN (-1): prompt " + promptTokens + ", completion " + completionTokens);
    }
    notes = notes == null || notes.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(notes));
  }

  /** A trace every measurement of which the backend made (no notes). */
  public Trace(String text, int promptTokens, int completionTokens, float[] tokenEntropies, float[] tokenConfidences,
      float[] tokenLogprobs, EntropyProvenance provenance, String finishReason, String error) {
    this(text, promptTokens, completionTokens, tokenEntropies, tokenConfidences, tokenLogprobs, provenance,
        finishReason, error, Map.of());
  }

  public static Trace failed(String error, EntropyProvenance provenance) {
    return new Trace("", 0, 0, null, null, null, provenance, "error", error);
  }

  public boolean failed() {
    return error != null;
  }

  /** The note on one measurement, or "" when there is none. */
  public String note(Measure measure) {
    return notes.getOrDefault(measure, "");
  }
}
