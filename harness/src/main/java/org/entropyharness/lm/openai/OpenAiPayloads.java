package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.entropyharness.lm.Decoding;

/** Builds request bodies for the completions and chat-completions APIs. */
final class OpenAiPayloads {
  private OpenAiPayloads() {}

  /**
   * The JSON body asking for {@code n} choices.
   *
   * @throws IllegalArgumentException for entropy-adaptive temperature, which needs full logits inside the decoding
   *     loop and so cannot be done over this API
   */
  static ObjectNode body(ObjectMapper json, OpenAiConfig config, String prompt, Decoding d, int n, long seed) {
    if (d.entropyAdaptive() != null) {
      throw new IllegalArgumentException(
          "entropy-adaptive temperature (edt) needs the full next-token logits inside the decoding loop, which the "
              + "OpenAI-compatible API does not expose; run edt on the embedded or DJL backend");
    }
    ObjectNode body = json.createObjectNode();
    body.put("model", config.name());
    if (config.chat()) {
      body.putArray("messages").addObject().put("role", "user").put("content", prompt);
      body.put("logprobs", true);
      body.put("top_logprobs", config.topLogprobs());
    } else {
      body.put("prompt", prompt);
      body.put("logprobs", config.topLogprobs());
    }
    body.put("n", n);
    body.put("seed", seed);
    sampling(body, config, d);
    return body;
  }

  private static void sampling(ObjectNode body, OpenAiConfig config, Decoding d) {
    body.put("max_tokens", d.maxTokens());
    body.put("temperature", d.temperature());
    body.put("top_p", d.topP());
    if (config.extraSamplingParams()) {
      if (d.topK() > 0) {
        body.put("top_k", d.topK());
      }
      if (d.minP() > 0) {
        body.put("min_p", d.minP());
      }
    } else if (d.topK() > 0 || d.minP() > 0) {
      throw new IllegalArgumentException(
          "top-k/min-p requested but extra-sampling-params is false; enable it if the server accepts top_k and min_p");
    }
  }
}
