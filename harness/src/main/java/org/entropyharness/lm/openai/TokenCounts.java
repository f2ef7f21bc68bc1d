package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;

/**
 * Token counts of a response's choices. {@code usage} wins over counting logprob entries; a count is taken from the
 * entries only when usage does not give it, and is {@link Trace#UNKNOWN} (with a note) when neither does. A prompt
 * count of 0 is a cached prompt on Ollama, not a prompt length.
 */
final class TokenCounts {
  private TokenCounts() {}

  /** Fills {@code out} with each choice's completion tokens and {@code notes} with how they were obtained. */
  static void completion(List<ChoiceLogprobs> logprobs, List<String> texts, JsonNode usage, int[] out,
      List<Map<Measure, String>> notes) {
    JsonNode total = usage.path("completion_tokens");
    boolean hasTotal = total.isIntegralNumber() && total.asLong() >= 0;
    boolean counted = logprobs.stream().allMatch(l -> l.absent() == null);
    int c = out.length;
    if (c == 1 && hasTotal) {
      boolean zeroForText = total.asInt() == 0 && !texts.get(0).isEmpty();
      out[0] = zeroForText ? Trace.UNKNOWN : total.asInt();
      if (zeroForText) {
        notes.get(0).put(Measure.COMPLETION_TOKENS, "usage said 0 completion tokens for a non-empty completion");
      }
      return;
    }
    if (!counted) {
      String why = hasTotal
          ? "usage gives only the total over " + c + " choices (" + total.asInt() + ") and the choices have no "
              + "logprobs to count"
          : "the response had no usage.completion_tokens and no logprobs to count";
      fill(out, notes, why);
      return;
    }
    long sum = 0;
    for (int i = 0; i < c; i++) {
      out[i] = logprobs.get(i).rows().size();
      sum += out[i];
    }
    if (hasTotal && sum != total.asLong()) {
      fill(out, notes, "usage says " + total.asLong() + " completion tokens over " + c + " choices but their "
          + "logprobs list " + sum);
    } else if (!hasTotal) {
      for (Map<Measure, String> n : notes) {
        n.put(Measure.COMPLETION_TOKENS, "counted from the logprob entries: the response had no "
            + "usage.completion_tokens");
      }
    }
  }

  /** The prompt's token count shared by every choice, or {@link Trace#UNKNOWN} with a note on each. */
  static int prompt(JsonNode usage, ServerProfile profile, List<Map<Measure, String>> notes) {
    Optional<String> unreliable = profile.promptTokensUnreliable();
    JsonNode p = usage.path("prompt_tokens");
    String why = unreliable.orElse(null);
    if (why == null && !p.isIntegralNumber()) {
      why = "the response had no usage.prompt_tokens";
    } else if (why == null && p.asLong() <= 0) {
      why = "the server reported " + p.asLong() + " prompt tokens, which Ollama reports when the prompt was cached "
          + "(ollama#5370); not a prompt length";
    }
    if (why == null) {
      return p.asInt();
    }
    for (Map<Measure, String> n : notes) {
      n.put(Measure.PROMPT_TOKENS, why);
    }
    return Trace.UNKNOWN;
  }

  private static void fill(int[] out, List<Map<Measure, String>> notes, String why) {
    Arrays.fill(out, Trace.UNKNOWN);
    notes.forEach(n -> n.put(Measure.COMPLETION_TOKENS, why));
  }
}
