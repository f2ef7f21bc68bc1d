package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.entropyharness.lm.Decoding;

/** Builds request bodies for the completions and chat-completions APIs, as the server's profile takes them. */
final class OpenAiPayloads {
  private OpenAiPayloads() {}

  /**
   * The JSON body asking for {@code n} choices ({@code n} is 1 for servers that take one choice per request).
   *
   * @throws IllegalArgumentException for entropy-adaptive temperature, which needs full logits inside the decoding
   *     loop and so cannot be done over this API, and for top-k or min-p on a server that ignores them
   */
  static ObjectNode body(ObjectMapper json, OpenAiConfig config, ServerProfile profile, String prompt, Decoding d,
      int n, long seed) {
    if (d.entropyAdaptive() != null) {
      throw new IllegalArgumentException(
          "entropy-adaptive temperature (edt) needs the full next-token logits inside the decoding loop, which the "
              + "OpenAI-compatible API does not expose; run edt on the embedded or DJL backend");
    }
    if (n != 1 && !profile.takesN()) {
      throw new IllegalArgumentException(profile.kind().id() + " takes one choice per request, asked for " + n);
    }
    ObjectNode body = json.createObjectNode();
    body.put("model", config.name());
    boolean logprobs = profile.noLogprobs(config.chat()).isEmpty();
    if (config.chat()) {
      body.putArray("messages").addObject().put("role", "user").put("content", prompt);
      if (logprobs) {
        body.put("logprobs", true);
        body.put("top_logprobs", config.topLogprobs());
      }
    } else {
      body.put("prompt", prompt);
      if (logprobs) {
        body.put("logprobs", config.topLogprobs());
      }
    }
    if (logprobs && profile.kind() == ServerKind.LLAMA_CPP) {
      body.put("n_probs", config.topLogprobs()); // builds before Dec 2024 read only n_probs on /v1/completions
    }
    if (profile.takesN()) {
      body.put("n", n);
    }
    body.put("seed", seed);
    sampling(body, config, profile, d);
    return body;
  }

  private static void sampling(ObjectNode body, OpenAiConfig config, ServerProfile profile, Decoding d) {
    body.put("max_tokens", d.maxTokens());
    body.put("temperature", d.temperature());
    body.put("top_p", d.topP());
    if (d.topK() <= 0 && d.minP() <= 0) {
      return;
    }
    if (!config.extraSamplingParams()) {
      throw new IllegalArgumentException(
          "top-k/min-p requested but extra-sampling-params is false; enable it if the server accepts top_k and min_p");
    }
    if (!profile.takesTopKAndMinP()) {
      throw new IllegalArgumentException("top-k " + d.topK() + " / min-p " + d.minP() + " requested, but "
          + profile.kind().id() + "'s OpenAI-compatible API ignores top_k and min_p (ollama openai/openai.go reads "
          + "neither); run this method on vLLM, SGLang or llama.cpp, or drop top-k and min-p");
    }
    if (d.topK() > 0) {
      body.put("top_k", d.topK());
    }
    if (d.minP() > 0) {
      body.put("min_p", d.minP());
    }
  }
}
