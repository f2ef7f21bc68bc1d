package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.Trace;
import org.entropyharness.metric.token.TopKConfidence;
import org.entropyharness.metric.token.TopKEntropy;

/** Turns a completions or chat-completions response into traces with per-token statistics. */
final class OpenAiResponses {
  private OpenAiResponses() {}

  /** A response that parsed as JSON but does not have the expected shape. */
  static final class ShapeException extends Exception {
    ShapeException(String message) {
      super(message);
    }
  }

  /** Per-token arrays of one choice. */
  private record Tokens(float[] entropies, float[] confidences, float[] logprobs) {
    int count() {
      return logprobs.length;
    }
  }

  /** Parses the choices in index order. */
  static List<Trace> parse(JsonNode root, boolean chat, int topK) throws ShapeException {
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new ShapeException("response has no choices: " + abbreviate(root.toString()));
    }
    List<JsonNode> ordered = new ArrayList<>();
    choices.forEach(ordered::add);
    ordered.sort((a, b) -> Integer.compare(a.path("index").asInt(0), b.path("index").asInt(0)));
    JsonNode usage = root.path("usage");
    int promptTokens = usage.path("prompt_tokens").asInt(0);
    int totalCompletion = usage.path("completion_tokens").asInt(0);
    EntropyProvenance provenance = EntropyProvenance.topK(topK);
    List<Trace> traces = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      JsonNode c = ordered.get(i);
      Tokens tokens = tokens(c.path("logprobs"), topK);
      String text = chat ? c.path("message").path("content").asText("") : c.path("text").asText("");
      int completion = tokens.count() > 0 ? tokens.count() : evenShare(totalCompletion, ordered.size(), i);
      traces.add(new Trace(text, promptTokens, completion, tokens.entropies(), tokens.confidences(),
          tokens.logprobs(), provenance, c.path("finish_reason").asText("unknown"), null));
    }
    return traces;
  }

  /** Without logprobs the usage of n choices can only be shared out evenly. */
  private static int evenShare(int total, int n, int i) {
    return total / n + (i < total % n ? 1 : 0);
  }

  /**
   * Reads whichever logprob layout the server used: some servers (llama.cpp) answer the completions API in the chat
   * layout.
   */
  private static Tokens tokens(JsonNode lp, int topK) {
    return lp.path("content").isArray() ? chatTokens(lp, topK) : completionTokens(lp, topK);
  }

  /** Completions API: {@code logprobs.token_logprobs[j]} and {@code logprobs.top_logprobs[j]} as a map. */
  private static Tokens completionTokens(JsonNode lp, int topK) {
    JsonNode chosen = lp.path("token_logprobs");
    JsonNode tops = lp.path("top_logprobs");
    int n = chosen.size();
    Tokens t = new Tokens(new float[n], new float[n], new float[n]);
    for (int j = 0; j < n; j++) {
      List<Double> top = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = tops.path(j).fields(); it.hasNext(); ) {
        top.add(it.next().getValue().asDouble());
      }
      fill(t, j, chosen.path(j).asDouble(Double.NaN), top, topK);
    }
    return t;
  }

  /** Chat API: {@code logprobs.content[j].logprob} and {@code .top_logprobs[m].logprob}. */
  private static Tokens chatTokens(JsonNode lp, int topK) {
    JsonNode content = lp.path("content");
    int n = content.size();
    Tokens t = new Tokens(new float[n], new float[n], new float[n]);
    for (int j = 0; j < n; j++) {
      JsonNode tok = content.path(j);
      List<Double> top = new ArrayList<>();
      tok.path("top_logprobs").forEach(x -> top.add(x.path("logprob").asDouble()));
      fill(t, j, tok.path("logprob").asDouble(Double.NaN), top, topK);
    }
    return t;
  }

  /**
   * vLLM adds the chosen token to the top list when it is not among the top k (k + 1 entries); only the k largest
   * are used, so every server's statistics mean the same top-k quantity. A token without top logprobs gets NaN
   * entropy and confidence: missing, not zero.
   */
  private static void fill(Tokens t, int j, double chosen, List<Double> top, int topK) {
    double[] lps = top.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (lps.length > topK) {
      lps = java.util.Arrays.copyOfRange(lps, lps.length - topK, lps.length);
    }
    t.logprobs()[j] = (float) chosen;
    t.entropies()[j] = (float) TopKEntropy.renormalised(lps);
    t.confidences()[j] = lps.length == 0 ? Float.NaN : (float) TopKConfidence.of(lps, lps.length);
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
