package org.entropyharness.lm.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Sha256;
import org.entropyharness.lm.Trace;

/**
 * A {@link LanguageModel} served over the OpenAI-compatible HTTP API (vLLM, SGLang, llama.cpp server, Ollama).
 *
 * <p>One request asks for all {@code n} choices with the request's seed; servers that return fewer choices (llama.cpp,
 * Ollama ignore {@code n}) are asked again for the rest with seed {@code seed + choicesSoFar}. Entropies are top-k
 * estimates ({@link TopKStatistics}). Requests go round-robin over the endpoints, at most {@code max-concurrency} in
 * flight; transient failures are retried per {@link RetryPolicy}, and choices still failing come back as
 * {@link Trace#failed} traces. The API key is read from the environment variable the config names and is sent only
 * in the {@code Authorization} header.
 */
public final class OpenAiBackend implements LanguageModel {
  private final OpenAiConfig config;
  private final String apiKey;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final AtomicInteger nextEndpoint = new AtomicInteger();
  private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private final ModelInfo info;
  private final ParallelRequests parallel;
  private final Backoff backoff;

  /** How the backend waits before a retry; tests record the waits instead of sleeping through them. */
  @FunctionalInterface
  interface Backoff {
    void pause(Duration wait) throws InterruptedIOException;
  }

  /** A backend reading its API key (if any) from the process environment. */
  public OpenAiBackend(OpenAiConfig config) {
    this(config, System::getenv);
  }

  /**
   * A backend reading its API key through {@code environment}.
   *
   * @throws IllegalArgumentException if the config names a key variable that is unset (the message names the
   *     variable, never a value)
   */
  public OpenAiBackend(OpenAiConfig config, Function<String, String> environment) {
    this(config, environment, OpenAiBackend::sleep);
  }

  OpenAiBackend(OpenAiConfig config, Function<String, String> environment, Backoff backoff) {
    this.config = config;
    this.backoff = backoff;
    this.apiKey = config.apiKeyEnv() == null ? null : environment.apply(config.apiKeyEnv());
    if (config.apiKeyEnv() != null && (apiKey == null || apiKey.isBlank())) {
      throw new IllegalArgumentException(
          "api-key-env names environment variable " + config.apiKeyEnv() + ", which is unset or empty; export it");
    }
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.timeout())
        .build();
    this.inFlight = new Semaphore(config.maxConcurrency(), true);
    String api = config.chat() ? "chat" : "completions";
    this.info = new ModelInfo(config.name(),
        Sha256.of("openai", config.name(), config.revision(), api, "top-" + config.topLogprobs()),
        EntropyProvenance.topK(config.topLogprobs()));
    this.parallel = new ParallelRequests(config.maxConcurrency());
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<Trace> generate(GenerationRequest request) throws IOException {
    List<Trace> traces = new ArrayList<>(request.n());
    while (traces.size() < request.n()) {
      int want = request.n() - traces.size();
      byte[] body = json.writeValueAsBytes(OpenAiPayloads.body(
          json, config, request.prompt(), request.decoding(), want, request.seed() + traces.size()));
      HttpAttempt outcome = sendWithRetries(body);
      if (outcome instanceof HttpAttempt.Ok ok) {
        traces.addAll(ok.traces().subList(0, Math.min(want, ok.traces().size())));
      } else {
        String why = outcome instanceof HttpAttempt.Fatal f ? f.why() : ((HttpAttempt.Retry) outcome).why();
        traces.addAll(Collections.nCopies(want, Trace.failed(why, info.provenance())));
      }
    }
    return List.copyOf(traces);
  }

  @Override
  public int maxInFlight() {
    return config.maxConcurrency();
  }

  /** Keeps up to {@code max-concurrency} prompts in flight; results in request order. */
  @Override
  public List<List<Trace>> generateAll(List<GenerationRequest> requests) throws IOException {
    return parallel.map(requests, this::generate);
  }

  private HttpAttempt sendWithRetries(byte[] body) throws InterruptedIOException {
    HttpAttempt last = null;
    int attempts = config.retry().retries() + 1;
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (last instanceof HttpAttempt.Retry r) {
        backoff.pause(config.retry().delay(attempt - 1, r.retryAfter()));
      }
      last = attemptOnce(endpoint(), body);
      if (!(last instanceof HttpAttempt.Retry)) {
        return last;
      }
    }
    return new HttpAttempt.Fatal("failed after " + attempts + " attempts; last: " + ((HttpAttempt.Retry) last).why());
  }

  private URI endpoint() {
    List<URI> eps = config.endpoints();
    URI base = eps.get(Math.floorMod(nextEndpoint.getAndIncrement(), eps.size()));
    String path = config.chat() ? "/chat/completions" : "/completions";
    String s = base.toString();
    return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + path);
  }

  private HttpAttempt attemptOnce(URI uri, byte[] body) throws InterruptedIOException {
    HttpRequest.Builder req = HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      req.header("Authorization", "Bearer " + apiKey);
    }
    try {
      inFlight.acquire();
      try {
        return interpret(uri, http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray()));
      } finally {
        inFlight.release();
      }
    } catch (HttpTimeoutException e) {
      return new HttpAttempt.Retry("POST " + uri + ": no response within " + config.timeout().toMillis() + " ms", null);
    } catch (IOException e) {
      return new HttpAttempt.Retry("POST " + uri + ": connection error: " + redact(String.valueOf(e)), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling " + uri);
    }
  }

  private HttpAttempt interpret(URI uri, HttpResponse<byte[]> resp) {
    int status = resp.statusCode();
    if (status != 200) {
      String why = "POST " + uri + ": HTTP " + status + ": "
          + redact(OpenAiResponses.abbreviate(new String(resp.body(), StandardCharsets.UTF_8)));
      boolean transientStatus = status == 408 || status == 429 || status >= 500;
      return transientStatus ? new HttpAttempt.Retry(why, RetryAfter.parse(resp.headers())) : new HttpAttempt.Fatal(why);
    }
    JsonNode root;
    try {
      root = json.readTree(resp.body());
    } catch (JsonProcessingException e) {
      return new HttpAttempt.Retry("POST " + uri + ": truncated or malformed JSON: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      return new HttpAttempt.Retry("POST " + uri + ": unreadable body: " + e.getMessage(), null);
    }
    try {
      return new HttpAttempt.Ok(OpenAiResponses.parse(root, config.chat(), config.topLogprobs()));
    } catch (OpenAiResponses.ShapeException e) {
      return new HttpAttempt.Fatal("POST " + uri + ": " + redact(e.getMessage()));
    }
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during retry backoff");
    }
  }

  /** Belt and braces: a server could echo the request's headers in an error body. */
  private String redact(String s) {
    return apiKey == null ? s : s.replace(apiKey, "***");
  }

  @Override
  public void close() {
    parallel.close();
  }

  @Override
  public String toString() {
    return "OpenAiBackend[name=" + config.name() + ", endpoints=" + config.endpoints() + ", chat=" + config.chat()
        + ", api-key-env=" + config.apiKeyEnv() + "]";
  }
}
