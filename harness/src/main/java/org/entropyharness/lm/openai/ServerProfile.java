package org.entropyharness.lm.openai;

import java.util.Objects;
import java.util.Optional;

/**
 * What one server accepts and how its answers read, from the servers' sources (docs/servers.md cites each fact).
 *
 * @param kind which server; never {@link ServerKind#AUTO}
 * @param version the version the server reported, or "" when unknown
 * @param evidence how the kind was decided: "set in the suite" or what the server answered
 */
public record ServerProfile(ServerKind kind, String version, String evidence) {
  /** Ollama returns logprobs on chat completions from this version on (ollama commit 59241c5). */
  static final int[] OLLAMA_CHAT_LOGPROBS = {0, 12, 11};

  public ServerProfile {
    Objects.requireNonNull(kind, "kind");
    if (kind == ServerKind.AUTO) {
      throw new IllegalArgumentException("a profile is of a concrete server, not auto");
    }
    version = version == null ? "" : version;
    evidence = evidence == null ? "" : evidence;
  }

  /** A profile the suite set by name. */
  public static ServerProfile named(ServerKind kind) {
    return new ServerProfile(kind, "", "set in the suite");
  }

  /**
   * Whether one request returns {@code n} choices. llama.cpp before its n_cmpl support answers n != 1 with HTTP 500
   * and later with HTTP 400 beyond its slots; Ollama ignores n. Those get n single requests with distinct seeds.
   */
  boolean takesN() {
    return kind == ServerKind.VLLM || kind == ServerKind.SGLANG;
  }

  /** Whether {@code top_k} and {@code min_p} take effect (Ollama's OpenAI layer drops them). */
  boolean takesTopKAndMinP() {
    return kind != ServerKind.OLLAMA;
  }

  /** Why this endpoint returns no logprobs at all, or empty when it returns them. */
  Optional<String> noLogprobs(boolean chat) {
    if (kind != ServerKind.OLLAMA) {
      return Optional.empty();
    }
    if (!chat) {
      return Optional.of("Ollama's /v1/completions returns no logprobs (openai/openai.go ToCompletion); "
          + "use chat: true with Ollama 0.12.11 or later");
    }
    return atLeast(OLLAMA_CHAT_LOGPROBS) ? Optional.empty()
        : Optional.of("Ollama " + versionOrUnknown() + " returns no logprobs; chat logprobs came in 0.12.11");
  }

  /**
   * Top logprob entries per token beyond k that the server may add: vLLM's completions API puts the sampled token
   * into the dict when it is outside the top k (serving_completion: {@code num_output_top_logprobs >= i}).
   */
  int extraTopEntries(boolean chat) {
    return kind == ServerKind.VLLM && !chat ? 1 : 0;
  }

  /**
   * Whether the chat API's top list starts with the sampled token and holds only k entries: vLLM takes the first k
   * of {sampled, top 1..k}, so only the k - 1 largest are surely the top k - 1.
   */
  boolean chatListsSampledFirst(boolean chat) {
    return kind == ServerKind.VLLM && chat;
  }

  /** Why {@code usage.prompt_tokens} does not give the prompt's length on this server, or empty. */
  Optional<String> promptTokensUnreliable() {
    if (kind != ServerKind.OLLAMA || version.isEmpty()) {
      return Optional.empty();
    }
    if (!atLeast(new int[] {0, 1, 49})) {
      return Optional.of("Ollama " + version + " counts only the prompt tokens it evaluated, not those it had "
          + "cached (fixed in 0.1.49, ollama#5371)");
    }
    if (version.startsWith("0.30.0")) {
      return Optional.of("Ollama 0.30.0 leaves cached prompt tokens out of prompt_tokens (fixed in 0.30.1, "
          + "ollama#16428)");
    }
    return Optional.empty();
  }

  /** "vllm 0.6.3" or "llama-cpp". */
  public String label() {
    return version.isEmpty() ? kind.id() : kind.id() + " " + version;
  }

  private String versionOrUnknown() {
    return version.isEmpty() ? "(version unknown)" : version;
  }

  /** Whether the version is at least {@code min}; an unknown version counts as recent. */
  boolean atLeast(int[] min) {
    if (version.isEmpty()) {
      return true;
    }
    String[] parts = version.replaceFirst("^v", "").split("[.\\-+]");
    for (int i = 0; i < min.length; i++) {
      int v = i < parts.length && parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : 0;
      if (v != min[i]) {
        return v > min[i];
      }
    }
    return true;
  }
}
