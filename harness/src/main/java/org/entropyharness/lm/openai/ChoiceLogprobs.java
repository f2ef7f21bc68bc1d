package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The per-token logprobs of one choice in whichever layout the server used.
 *
 * <ul>
 *   <li>completions layout (vLLM, SGLang): {@code logprobs.token_logprobs[j]} and {@code logprobs.top_logprobs[j]},
 *       a dict keyed by token text;
 *   <li>chat layout (every chat API; llama.cpp's completions API since Dec 2024): {@code logprobs.content[j]} with
 *       {@code logprob} and a {@code top_logprobs} list;
 *   <li>llama.cpp's native layout: {@code completion_probabilities[j]}, in the chat layout's entries since Dec 2024,
 *       before that {@code {content, probs: [{tok_str, prob}]}} with post-sampling probabilities.
 * </ul>
 *
 * @param rows one row per generated token; empty when the server sent none
 * @param absent why there are no rows (the server sent no logprobs), or null
 * @param postSampling why the numbers are not the model's log-probabilities (post-sampling probabilities), or null
 */
record ChoiceLogprobs(List<TokenRow> rows, String absent, String postSampling) {
  ChoiceLogprobs {
    rows = List.copyOf(rows);
  }

  static ChoiceLogprobs none(String why) {
    return new ChoiceLogprobs(List.of(), why, null);
  }

  /** Reads a choice's {@code logprobs} object (null or absent when the server sent none). */
  static ChoiceLogprobs of(JsonNode logprobs) {
    if (logprobs == null || logprobs.isMissingNode() || logprobs.isNull()) {
      return none("the response carried no logprobs");
    }
    if (logprobs.path("content").isArray()) {
      return entries(logprobs.path("content"));
    }
    if (logprobs.path("token_logprobs").isArray()) {
      return completions(logprobs);
    }
    if (logprobs.path("content").isNull()) {
      return none("the response's logprobs.content was null");
    }
    return none("the response's logprobs had neither content nor token_logprobs");
  }

  /** Reads llama.cpp's native {@code completion_probabilities} (absent when none were asked for). */
  static ChoiceLogprobs nativeLayout(JsonNode probabilities) {
    if (!probabilities.isArray()) {
      return none("the response carried no completion_probabilities");
    }
    JsonNode first = probabilities.path(0);
    if (first.has("probs") || first.has("top_probs")) {
      List<TokenRow> rows = new ArrayList<>();
      probabilities.forEach(p -> rows.add(new TokenRow(Double.NaN, new double[0], 0, 0, true, Double.NaN)));
      return new ChoiceLogprobs(rows, null, "this llama.cpp build reports post-sampling probabilities (after "
          + "temperature, top-k and top-p), not the model's log-probabilities");
    }
    return entries(probabilities);
  }

  /** The chat layout: one entry per token with {@code logprob} and a {@code top_logprobs} list. */
  private static ChoiceLogprobs entries(JsonNode content) {
    if (content.size() > 0 && content.path(0).has("prob") && !content.path(0).has("logprob")) {
      List<TokenRow> rows = new ArrayList<>();
      content.forEach(p -> rows.add(new TokenRow(Double.NaN, new double[0], 0, 0, true, Double.NaN)));
      return new ChoiceLogprobs(rows, null, "the server sent post-sampling probabilities (llama.cpp's "
          + "post_sampling_probs), not the model's log-probabilities");
    }
    List<TokenRow> rows = new ArrayList<>();
    for (JsonNode tok : content) {
      JsonNode top = tok.path("top_logprobs");
      List<JsonNode> values = new ArrayList<>();
      top.forEach(t -> values.add(t.path("logprob")));
      rows.add(row(tok.path("logprob"), values, !top.isArray()));
    }
    return new ChoiceLogprobs(rows, null, null);
  }

  /** The completions layout: parallel arrays, the top entries a dict keyed by token text. */
  private static ChoiceLogprobs completions(JsonNode logprobs) {
    JsonNode chosen = logprobs.path("token_logprobs");
    JsonNode tops = logprobs.path("top_logprobs");
    List<TokenRow> rows = new ArrayList<>();
    for (int j = 0; j < chosen.size(); j++) {
      JsonNode top = tops.path(j);
      List<JsonNode> values = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
        values.add(it.next().getValue());
      }
      rows.add(row(chosen.path(j), values, !top.isObject()));
    }
    return new ChoiceLogprobs(rows, null, null);
  }

  private static TokenRow row(JsonNode chosen, List<JsonNode> top, boolean topMissing) {
    double largest = chosen.isNumber() ? chosen.asDouble() : Double.NaN;
    double[] real = new double[top.size()];
    int n = 0;
    int placeholders = 0;
    for (JsonNode v : top) {
      if (v.isNumber() && !Double.isNaN(v.asDouble())) {
        largest = Double.isNaN(largest) ? v.asDouble() : Math.max(largest, v.asDouble());
      }
      if (TokenRow.isPlaceholder(v)) {
        placeholders++;
      } else {
        real[n++] = v.asDouble();
      }
    }
    return new TokenRow(TokenRow.value(chosen), Arrays.copyOf(real, n), top.size(), placeholders,
        topMissing, largest);
  }
}
