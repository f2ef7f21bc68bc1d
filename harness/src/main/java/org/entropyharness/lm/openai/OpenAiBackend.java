package org.entropyharness.lm.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Sha256;
import org.entropyharness.lm.Trace;

/**
 * A {@link LanguageModel} served over the OpenAI-compatible HTTP API by vLLM, SGLang, llama.cpp's server or Ollama.
 *
 * <p>The server's {@link ServerProfile} decides the requests: vLLM and SGLang get one request for all {@code n}
 * choices with the request's seed; llama.cpp and Ollama get {@code n} single requests with seeds {@code seed + i}.
 * With {@code server: auto} the constructor asks each endpoint which server it is ({@link ServerDetection}) and
 * prints what it chose. Responses are read and checked by {@link OpenAiResponses}; implausible repeats among a
 * prompt's choices are marked failed ({@link DuplicateChoices}). Per-token entropies are those of the server's top-k
 * logprobs renormalised over the k ({@link org.entropyharness.metric.token.TopKEntropy}), confidences DeepConf's
 * over the same k.
 *
 * <p>Requests go round-robin over the endpoints, at most {@code max-concurrency} in flight. Transient failures
 * (overloads, timeouts) are retried per {@link RetryPolicy}; a bad request is not, and an identical request that
 * already failed that way is not sent again. Choices still failing come back as {@link Trace#failed} traces whose
 * error holds the server's message. The API key is read from the environment variable the config names and is sent
 * only in the {@code Authorization} header.
 */
public final class OpenAiBackend implements LanguageModel {
  private static final int MAX_REPORTS = 5;

  private final OpenAiConfig config;
  private final String apiKey;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final AtomicInteger nextEndpoint = new AtomicInteger();
  private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private final ServerProfile server;
  private final ModelInfo info;
  private final ParallelRequests parallel;
  private final Map<String, String> badRequests = new ConcurrentHashMap<>();
  private final AtomicInteger reports = new AtomicInteger();
  private final PrintStream log;
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
   * A backend reading its API key through {@code environment}; with {@code server: auto} it asks the server which it
   * is and prints the answer on stderr.
   *
   * @throws IllegalArgumentException if the config names a key variable that is unset (the message names the
   *     variable, never a value)
   * @throws IllegalStateException when {@code server: auto} cannot tell which server runs at an endpoint
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
    this.log = System.err;
    this.server = resolve(config.server());
    this.inFlight = new Semaphore(config.maxConcurrency(), true);
    String api = config.chat() ? "chat" : "completions";
    this.info = new ModelInfo(config.name(),
        Sha256.of("openai", config.name(), config.revision(), api, "top-" + config.topLogprobs(), server.kind().id()),
        org.entropyharness.lm.EntropyProvenance.topK(config.topLogprobs()));
    this.parallel = new ParallelRequests(config.maxConcurrency());
  }

  private ServerProfile resolve(ServerKind kind) {
    if (kind != ServerKind.AUTO) {
      return ServerProfile.named(kind);
    }
    ServerDetection detection = new ServerDetection(http, config.timeout(), authorization(), config.retry());
    ServerProfile first = null;
    for (URI endpoint : config.endpoints()) {
      ServerProfile p;
      try {
        p = detection.detect(endpoint);
      } catch (IOException e) {
        throw new IllegalStateException(redact(e.getMessage()), e);
      }
      if (first != null && first.kind() != p.kind()) {
        throw new IllegalStateException("the endpoints run different servers: " + config.endpoints().get(0) + " is "
            + first.label() + ", " + endpoint + " is " + p.label() + "; give one suite per server");
      }
      log.println("openai: " + endpoint + " is " + p.label() + " (" + p.evidence() + "); " + requestsNote(p));
      first = first == null ? p : first;
    }
    return first;
  }

  private static String requestsNote(ServerProfile p) {
    return p.takesN() ? "n choices per request" : "n single requests with distinct seeds";
  }

  /** The server the requests are shaped for. */
  public ServerProfile server() {
    return server;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<Trace> generate(GenerationRequest request) throws IOException {
    List<DuplicateChoices.Sample> got = new ArrayList<>(request.n());
    int emptyAnswers = 0;
    while (got.size() < request.n()) {
      int want = request.n() - got.size();
      int ask = server.takesN() ? want : 1;
      HttpAttempt outcome = send(request, ask, request.seed() + got.size());
      if (outcome instanceof HttpAttempt.Ok ok) {
        ok.parsed().problems().forEach(this::report);
        int take = Math.min(ask, ok.parsed().traces().size());
        for (int i = 0; i < take; i++) {
          got.add(new DuplicateChoices.Sample(ok.parsed().traces().get(i), ok.parsed().logprobs().get(i)));
        }
        emptyAnswers += take == 0 ? 1 : 0;
        if (emptyAnswers > request.n()) {
          fail(got, request.n() - got.size(), "the server kept answering without usable choices: "
              + String.join("; ", ok.parsed().problems()));
        }
      } else {
        fail(got, want, outcome instanceof HttpAttempt.Fatal f ? f.why() : ((HttpAttempt.Retry) outcome).why());
      }
    }
    return List.copyOf(DuplicateChoices.mark(got, request.decoding().temperature()));
  }

  private void fail(List<DuplicateChoices.Sample> got, int count, String why) {
    Trace failed = Trace.failed(why, info.provenance());
    got.addAll(Collections.nCopies(count, new DuplicateChoices.Sample(failed, ChoiceLogprobs.none(why))));
  }

  private void report(String problem) {
    if (reports.incrementAndGet() <= MAX_REPORTS) {
      log.println("openai: " + problem);
    }
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

  /** Sends one request, unless the identical request already failed as a bad request. */
  private HttpAttempt send(GenerationRequest request, int n, long seed) throws IOException {
    byte[] body = json.writeValueAsBytes(OpenAiPayloads.body(
        json, config, server, request.prompt(), request.decoding(), n, seed));
    String key = Sha256.of(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    String known = badRequests.get(key);
    if (known != null) {
      return new HttpAttempt.Fatal(known);
    }
    HttpAttempt outcome = sendWithRetries(new Call(body, request.decoding().maxTokens(), request.prompt().length()));
    if (outcome instanceof HttpAttempt.Fatal f) {
      badRequests.put(key, f.why());
    }
    return outcome;
  }

  /** One request body and the facts an error message names. */
  private record Call(byte[] body, int maxTokens, int promptChars) {}

  private HttpAttempt sendWithRetries(Call call) throws InterruptedIOException {
    HttpAttempt last = null;
    int attempts = config.retry().retries() + 1;
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (last instanceof HttpAttempt.Retry r) {
        backoff.pause(config.retry().delay(attempt - 1, r.retryAfter()));
      }
      last = attemptOnce(endpoint(), call);
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

  private String authorization() {
    return apiKey == null ? null : "Bearer " + apiKey;
  }

  private HttpAttempt attemptOnce(URI uri, Call call) throws InterruptedIOException {
    HttpRequest.Builder req = HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (apiKey != null) {
      req.header("Authorization", authorization());
    }
    try {
      inFlight.acquire();
      try {
        return interpret(uri, call, http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray()));
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

  private HttpAttempt interpret(URI uri, Call call, HttpResponse<byte[]> resp) {
    int status = resp.statusCode();
    if (status != 200) {
      ServerErrors.ServerError error = ServerErrors.parse(status, resp.body());
      String why = redact(ServerErrors.describe("POST " + uri, error, call.maxTokens(), call.promptChars()));
      return error.worthRetrying() ? new HttpAttempt.Retry(why, RetryAfter.parse(resp.headers()))
          : new HttpAttempt.Fatal(why);
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
      return new HttpAttempt.Ok(OpenAiResponses.parse(root,
          new OpenAiResponses.ReadContext(config.chat(), config.topLogprobs(), server)));
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
    return apiKey == null || s == null ? s : s.replace(apiKey, "***");
  }

  @Override
  public void close() {
    parallel.close();
  }

  @Override
  public String toString() {
    return "OpenAiBackend[name=" + config.name() + ", endpoints=" + config.endpoints() + ", chat=" + config.chat()
        + ", server=" + server.label() + ", api-key-env=" + config.apiKeyEnv() + "]";
  }
}
