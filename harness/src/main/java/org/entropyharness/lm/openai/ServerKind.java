package org.entropyharness.lm.openai;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which server an endpoint runs, as a suite names it under {@code model.server}; {@link #AUTO} asks the server.
 * What each kind accepts and sends back is in {@link ServerProfile} and docs/servers.md.
 */
public enum ServerKind {
  /** Ask the server which it is ({@link ServerDetection}). */
  AUTO("auto"),
  /** vLLM's OpenAI-compatible server. */
  VLLM("vllm"),
  /** SGLang's OpenAI-compatible server. */
  SGLANG("sglang"),
  /** llama.cpp's {@code llama-server}. */
  LLAMA_CPP("llama-cpp"),
  /** Ollama's OpenAI-compatible endpoints. */
  OLLAMA("ollama");

  private final String id;

  ServerKind(String id) {
    this.id = id;
  }

  /** The name a suite uses. */
  public String id() {
    return id;
  }

  /**
   * The kind a suite names.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ServerKind fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("server: found '" + id + "'; allowed: "
            + Arrays.stream(values()).map(ServerKind::id).collect(Collectors.joining(", "))));
  }
}
