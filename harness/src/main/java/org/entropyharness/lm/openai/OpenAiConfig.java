package org.entropyharness.lm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of an {@link OpenAiBackend}, as a suite gives them under {@code model:}.
 *
 * <pre>{@code
 * model:
 *   backend: openai
 *   endpoints: [http://gpu1:8000/v1, http://gpu2:8000/v1]  # base URLs; requests go round-robin
 *   name: Qwen/Qwen2.5-Math-1.5B-Instruct                    # the server's model name (sent as "model")
 *   revision: main                                         # optional; part of the fingerprint only
 *   api-key-env: VLLM_API_KEY      # optional: NAME of the environment variable holding the key, never the key
 *   max-concurrency: 8             # requests in flight at once, over all endpoints (default 4)
 *   timeout-seconds: 600           # per HTTP request (default 300)
 *   retries: 4                     # retries after the first attempt (default 4)
 *   chat: false                    # true: /chat/completions with one user message; false: /completions (default)
 *   top-logprobs: 20               # k of the top-k entropy estimate, 1..20 (default 20)
 *   initial-backoff-ms: 500        # first retry backoff, doubled per retry, with jitter (default 500)
 *   max-backoff-seconds: 60        # cap on a backoff and on a server's Retry-After (default 60)
 *   extra-sampling-params: true    # send top_k and min_p (vLLM, SGLang, llama.cpp accept them) (default true)
 *   server: auto                   # vllm | sglang | llama-cpp | ollama | auto: ask the server once (default auto)
 * }</pre>
 *
 * <p>Retried: HTTP 408, 429 (honouring Retry-After), 502–504, a 500 that is not a bad request, timeouts,
 * connection errors and truncated JSON. A choice still failing after the retries becomes a failed trace.
 *
 * @param endpoints base URLs ending in {@code /v1}
 * @param name model name sent to the server
 * @param revision model revision, part of the fingerprint; "" if unknown
 * @param apiKeyEnv name of the environment variable holding the API key, or null for none
 * @param maxConcurrency bound on requests in flight
 * @param timeout per-request timeout
 * @param retry retry policy
 * @param chat use the chat API
 * @param topLogprobs number of top logprobs to request per token (1..20)
 * @param extraSamplingParams send {@code top_k} and {@code min_p}
 * @param server which server runs at the endpoints, or {@link ServerKind#AUTO} to ask it
 */
public record OpenAiConfig(
    List<URI> endpoints,
    String name,
    String revision,
    String apiKeyEnv,
    int maxConcurrency,
    Duration timeout,
    RetryPolicy retry,
    boolean chat,
    int topLogprobs,
    boolean extraSamplingParams,
    ServerKind server) {

  /** The keys {@link #fromMap} accepts. */
  public static final Set<String> KEYS = Set.of(
      "backend", "endpoints", "name", "revision", "api-key-env", "max-concurrency", "timeout-seconds", "retries",
      "chat", "top-logprobs", "initial-backoff-ms", "max-backoff-seconds", "extra-sampling-params",
      "server");

  public OpenAiConfig {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(name, "name");
    revision = revision == null ? "" : revision;
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(server, "server");
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("endpoints: give at least one base URL such as http://localhost:8000/v1");
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max-concurrency must be >= 1: " + maxConcurrency);
    }
    if (topLogprobs < 1 || topLogprobs > 20) {
      throw new IllegalArgumentException("top-logprobs must be in 1..20 (the OpenAI API limit): " + topLogprobs);
    }
  }

  /**
   * Defaults for one endpoint: completions API, concurrency 4, 300 s timeout, 4 retries, top-20 logprobs, the server
   * asked which it is.
   */
  public static OpenAiConfig of(URI endpoint, String name) {
    return fromMap(Map.of("endpoints", List.of(endpoint.toString()), "name", name));
  }

  /**
   * Reads the suite's {@code model:} mapping.
   *
   * @throws IllegalArgumentException naming an unknown key and the allowed keys, or a value of the wrong type
   */
  public static OpenAiConfig fromMap(Map<String, ?> m) {
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown key '" + k + "' in model; allowed: " + new TreeSet<>(KEYS));
      }
    }
    if (m.containsKey("backend") && !"openai".equals(m.get("backend"))) {
      throw new IllegalArgumentException("backend must be 'openai' here, found '" + m.get("backend") + "'");
    }
    RetryPolicy retry = new RetryPolicy(
        intValue(m, "retries", 4),
        Duration.ofMillis(intValue(m, "initial-backoff-ms", 500)),
        Duration.ofSeconds(intValue(m, "max-backoff-seconds", 60)));
    return new OpenAiConfig(
        endpoints(m.get("endpoints")),
        stringValue(m, "name", null),
        stringValue(m, "revision", ""),
        stringValue(m, "api-key-env", null),
        intValue(m, "max-concurrency", 4),
        Duration.ofSeconds(intValue(m, "timeout-seconds", 300)),
        retry,
        boolValue(m, "chat", false),
        intValue(m, "top-logprobs", 20),
        boolValue(m, "extra-sampling-params", true),
        ServerKind.fromId(stringValue(m, "server", "auto")));
  }

  private static List<URI> endpoints(Object v) {
    List<URI> uris = new ArrayList<>();
    if (v instanceof String s) {
      uris.add(URI.create(s));
    } else if (v instanceof List<?> list) {
      for (Object o : list) {
        uris.add(URI.create(String.valueOf(o)));
      }
    } else {
      throw new IllegalArgumentException("endpoints: expected a list of base URLs such as [http://localhost:8000/v1]");
    }
    return uris;
  }

  private static int intValue(Map<String, ?> m, String key, int dflt) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n && n.doubleValue() == n.intValue()) {
      return n.intValue();
    }
    throw new IllegalArgumentException(key + ": expected an integer, found '" + v + "'");
  }

  private static boolean boolValue(Map<String, ?> m, String key, boolean dflt) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(key + ": expected true or false, found '" + v + "'");
  }

  private static String stringValue(Map<String, ?> m, String key, String dflt) {
    Object v = m.get(key);
    if (v == null) {
      if (dflt == null && key.equals("name")) {
        throw new IllegalArgumentException("name: give the server's model name");
      }
      return dflt;
    }
    return String.valueOf(v);
  }

  /** A copy with another concurrency bound. */
  public OpenAiConfig withMaxConcurrency(int n) {
    return new OpenAiConfig(endpoints, name, revision, apiKeyEnv, n, timeout, retry, chat, topLogprobs,
        extraSamplingParams, server);
  }
}
