package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.BAD_REQUEST_ECHOING_HEADERS;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.DUPLICATE_CHOICES;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.ERROR_500;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.RATE_LIMIT;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.RESET;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.SLOW;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.TRUNCATED;
import static org.entropyharness.lm.openai.OpenAiTestServer.Fault.UNAVAILABLE_503;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against a scripted local server. No test bounds its own duration: the backend's request timeout
 * (timeout-seconds: 1 here) and bounded retries are what end a stuck exchange, and that is what these tests check.
 */
class OpenAiBackendTest {
  private static final String KEY = "sk-test-7f3a9c-secret";
  private static final Decoding SAMPLE = new Decoding(0.8, 0.95, 0, 0, null, 12);

  private OpenAiTestServer server;
  private final List<OpenAiBackend> backends = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new OpenAiTestServer();
  }

  @AfterEach
  void stop() {
    backends.forEach(OpenAiBackend::close);
    server.close();
  }

  private OpenAiBackend backend(Map<String, Object> overrides) {
    Map<String, Object> m = new HashMap<>(Map.of(
        "endpoints", List.of(server.baseUri().toString()), "name", "scripted", "top-logprobs", 5,
        "timeout-seconds", 1, "retries", 5, "initial-backoff-ms", 10, "api-key-env", "TEST_KEY",
        "server", "vllm")); // what the scripted server imitates; detection has its own tests
    m.putAll(overrides);
    OpenAiBackend b = new OpenAiBackend(OpenAiConfig.fromMap(m), name -> name.equals("TEST_KEY") ? KEY : null);
    backends.add(b);
    return b;
  }

  private static GenerationRequest request(int n) {
    return new GenerationRequest("p1", "What is one plus two?", SAMPLE, n, 42);
  }

  @Test
  void should_return_n_deterministic_traces_with_top_k_statistics() throws IOException {
    OpenAiBackend b = backend(Map.of());
    List<Trace> first = b.generate(request(3));
    List<Trace> again = b.generate(request(3));
    assertThat(first).hasSize(3).allSatisfy(t -> {
      assertThat(t.failed()).isFalse();
      assertThat(t.provenance()).isEqualTo(EntropyProvenance.topK(5));
      assertThat(t.completionTokens()).isEqualTo(t.tokenLogprobs().length).isPositive();
      assertThat(t.tokenEntropies()).hasSize(t.completionTokens());
      assertThat(t.promptTokens()).isEqualTo(5);
      for (int j = 0; j < t.completionTokens(); j++) {
        assertThat(t.tokenEntropies()[j]).isBetween(0f, (float) Math.log(8) + 1e-4f);
        assertThat(t.tokenConfidences()[j]).isPositive();
        assertThat(t.tokenLogprobs()[j]).isNegative();
      }
    });
    assertThat(again).extracting(Trace::text).isEqualTo(first.stream().map(Trace::text).toList());
    assertThat(b.info().provenance().label()).isEqualTo("top-5 renormalised T=server");
    var body = server.bodies().get(0);
    assertThat(body.path("n").asInt()).isEqualTo(3);
    assertThat(body.path("seed").asLong()).isEqualTo(42);
    assertThat(body.path("logprobs").asInt()).isEqualTo(5);
    assertThat(body.path("max_tokens").asInt()).isEqualTo(12);
    assertThat(body.path("model").asText()).isEqualTo("scripted");
  }

  @Test
  void should_parse_the_chat_api_the_same_as_completions() throws IOException {
    // SGLang lists the top k in both APIs (vLLM's chat API lists the sampled token first, see OpenAiResponsesTest).
    List<Trace> completions = backend(Map.of("server", "sglang")).generate(request(2));
    List<Trace> chat = backend(Map.of("chat", true, "server", "sglang")).generate(request(2));
    assertThat(chat).extracting(Trace::text).isEqualTo(completions.stream().map(Trace::text).toList());
    assertThat(chat.get(0).tokenEntropies()).isEqualTo(completions.get(0).tokenEntropies());
    var body = server.bodies().get(1);
    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("logprobs").asBoolean()).isTrue();
    assertThat(body.path("top_logprobs").asInt()).isEqualTo(5);
  }

  @Test
  void should_ask_again_for_choices_a_server_did_not_return() throws IOException {
    List<Trace> full = backend(Map.of()).generate(request(3));
    server.maxChoicesPerResponse = 1;
    List<Trace> oneByOne = backend(Map.of()).generate(request(3));
    assertThat(oneByOne).extracting(Trace::text).isEqualTo(full.stream().map(Trace::text).toList());
    assertThat(server.bodies().subList(1, 4)).extracting(n -> n.path("seed").asLong()).containsExactly(42L, 43L, 44L);
  }

  /** The server's 429 says Retry-After: 1; the backend waits exactly that (recorded, not slept), not its backoff. */
  @Test
  void should_retry_rate_limit_honouring_retry_after() throws IOException {
    server.enqueue(RATE_LIMIT);
    List<Duration> waits = new ArrayList<>();
    OpenAiBackend b = new OpenAiBackend(OpenAiConfig.fromMap(Map.of(
        "endpoints", List.of(server.baseUri().toString()), "name", "scripted", "retries", 5,
        "initial-backoff-ms", 10)), name -> null, waits::add);
    backends.add(b);

    List<Trace> traces = b.generate(request(2));

    assertThat(traces).noneMatch(Trace::failed);
    assertThat(server.requests()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void should_retry_server_errors_resets_truncated_json_and_timeouts() throws IOException {
    server.slowMillis = 1500;
    server.enqueue(ERROR_500, UNAVAILABLE_503, RESET, TRUNCATED, SLOW);
    List<Trace> traces = backend(Map.of()).generate(request(2));
    assertThat(traces).hasSize(2).noneMatch(Trace::failed);
    assertThat(server.requests()).isEqualTo(6);
  }

  @Test
  void should_return_failed_traces_when_retries_are_exhausted() throws IOException {
    server.enqueue(UNAVAILABLE_503, UNAVAILABLE_503, UNAVAILABLE_503);
    List<Trace> traces = backend(Map.of("retries", 2)).generate(request(2));
    assertThat(traces).hasSize(2).allSatisfy(t -> {
      assertThat(t.failed()).isTrue();
      assertThat(t.text()).isEmpty();
      assertThat(t.error()).contains("failed after 3 attempts", "HTTP 503");
    });
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void should_not_retry_a_client_error_nor_leak_the_key() throws IOException {
    server.enqueue(BAD_REQUEST_ECHOING_HEADERS);
    OpenAiBackend b = backend(Map.of());
    List<Trace> traces = b.generate(request(1));
    assertThat(server.requests()).isEqualTo(1);
    assertThat(server.authorizations()).containsExactly("Bearer " + KEY);
    assertThat(traces.get(0).error()).endsWith("/v1/completions: HTTP 400 (BadRequestError): bad request from "
        + "Authorization: Bearer ***").doesNotContain(KEY);
    assertThat(b.toString()).contains("TEST_KEY").doesNotContain(KEY);
  }

  @Test
  void should_name_an_unset_key_variable_and_reject_edt() {
    assertThatThrownBy(() -> new OpenAiBackend(
        OpenAiConfig.fromMap(Map.of("endpoints", List.of("http://127.0.0.1:1/v1"), "name", "m", "api-key-env", "NOPE")),
        name -> null))
        .hasMessage("api-key-env names environment variable NOPE, which is unset or empty; export it");
    Decoding edt = new Decoding(1, 1, 0, 0, new Decoding.EntropyAdaptiveTemperature(1, 0.8, 1, 0), 8);
    assertThatThrownBy(() -> backend(Map.of()).generate(new GenerationRequest("p", "q", edt, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entropy-adaptive temperature (edt) needs the full next-token logits");
  }

  @Test
  void should_send_top_k_and_min_p_as_extra_params() throws IOException {
    Decoding d = new Decoding(0.7, 1, 20, 0.05, null, 4);
    backend(Map.of()).generate(new GenerationRequest("p", "q", d, 1, 1));
    assertThat(server.bodies().get(0).path("top_k").asInt()).isEqualTo(20);
    assertThat(server.bodies().get(0).path("min_p").asDouble()).isEqualTo(0.05);
  }

  @Test
  void should_fail_choices_that_copy_the_first_beyond_what_sampling_allows() throws IOException {
    server.enqueue(DUPLICATE_CHOICES);
    Decoding long80 = new Decoding(0.8, 1, 0, 0, null, 80);
    List<Trace> traces = backend(Map.of()).generate(new GenerationRequest("p", "q", long80, 3, 7));

    assertThat(traces.get(0).failed()).isFalse();
    assertThat(traces.subList(1, 3)).allSatisfy(t -> assertThat(t.error()).startsWith("duplicate of choice 0: the same 80 "
        + "tokens, which independent sampling at temperature 0.8 repeats with probability below ")
        .endsWith("; the server ignored the seed or n"));
  }

  @Test
  void should_refuse_top_k_and_min_p_on_a_server_that_ignores_them() {
    Decoding d = new Decoding(0.7, 1, 20, 0.05, null, 4);
    assertThatThrownBy(() -> backend(Map.of("server", "ollama")).generate(new GenerationRequest("p", "q", d, 1, 1)))
        .hasMessage("top-k 20 / min-p 0.05 requested, but ollama's OpenAI-compatible API ignores top_k and min_p "
            + "(ollama openai/openai.go reads neither); run this method on vLLM, SGLang or llama.cpp, or drop top-k and "
            + "min-p");
  }

  @Test
  void should_not_send_a_request_again_that_the_server_refused_as_bad() throws IOException {
    server.enqueue(BAD_REQUEST_ECHOING_HEADERS);
    OpenAiBackend b = backend(Map.of());
    List<Trace> first = b.generate(request(2));
    List<Trace> again = b.generate(request(2));

    assertThat(server.requests()).isEqualTo(1);
    assertThat(again).extracting(Trace::error).isEqualTo(first.stream().map(Trace::error).toList());
  }

  @Test
  void should_round_robin_over_two_endpoints() throws IOException {
    try (OpenAiTestServer second = new OpenAiTestServer()) {
      OpenAiBackend b = backend(Map.of("endpoints", List.of(server.baseUri().toString(), second.baseUri().toString())));
      for (int i = 0; i < 4; i++) {
        b.generate(request(1));
      }
      assertThat(server.requests()).isEqualTo(2);
      assertThat(second.requests()).isEqualTo(2);
    }
  }

  @Test
  void should_keep_at_most_max_concurrency_requests_in_flight() throws IOException {
    server.delayMillis = 150;
    OpenAiBackend b = backend(Map.of("max-concurrency", 2));
    List<GenerationRequest> reqs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      reqs.add(new GenerationRequest("p" + i, "question " + i, SAMPLE, 1, i));
    }
    List<List<Trace>> out = b.generateAll(reqs);
    assertThat(out).hasSize(8).allSatisfy(ts -> assertThat(ts).hasSize(1).noneMatch(Trace::failed));
    assertThat(out.get(3).get(0).text()).isEqualTo(b.generate(reqs.get(3)).get(0).text());
    assertThat(server.maxInFlight()).isEqualTo(2);
  }

  @Test
  void should_reject_unknown_config_keys_naming_the_allowed_ones() {
    assertThatThrownBy(() -> OpenAiConfig.fromMap(Map.of("name", "m", "endpoints", "http://x/v1", "api-key", "k")))
        .hasMessageStartingWith("unknown key 'api-key' in model; allowed: [api-key-env, backend, chat, endpoints");
  }
}
