package org.entropyharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on the loopback interface that answers every completions request (the API a suite uses
 * unless it sets {@code chat: true}) after a fixed latency, for measuring the client alone. Responses are well-formed
 * (choices with text, per-token logprobs with top-k alternatives, usage) and are built once per (n, k) so that the
 * server costs little per request; the thread pool is far larger than any concurrency measured, so a request never
 * waits for a server thread.
 */
final class FixedLatencyOpenAiServer implements AutoCloseable {
  /** Tokens per choice: a short answer, enough for logprobs to be a realistic share of the body. */
  static final int TOKENS_PER_CHOICE = 16;

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK server writes a response's headers and body in two writes and leaves Nagle's algorithm on, so the body
    // waits for the client's delayed ACK (~40 ms on Linux). Inference servers (uvicorn, llama.cpp) set TCP_NODELAY;
    // so does this one. Read once, when the JDK server's configuration class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final long latencyNanos;
  private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param latencyMillis time between reading a request and sending its response
   * @param threads handler threads; at least twice the highest client concurrency
   */
  FixedLatencyOpenAiServer(int latencyMillis, int threads) throws IOException {
    this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fixed-latency-server-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // A backlog above the highest concurrency: a burst of new connections must not be dropped and retried by TCP.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4 * threads);
    server.createContext("/v1/completions", this::handle);
    server.setExecutor(this.threads);
    server.start();
  }

  /** The base URL a suite would give as an endpoint. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Most requests seen in flight at once since the last {@link #resetPeak}. */
  int peakInFlight() {
    return peakInFlight.get();
  }

  void resetPeak() {
    peakInFlight.set(inFlight.get());
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    byte[] response;
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      int n = body.path("n").asInt(1);
      int k = body.path("logprobs").asInt(0);
      response = responses.computeIfAbsent(n + "/" + k, key -> response(n, k));
      sleepUntil(start + latencyNanos);
    } finally {
      // Counted out before the answer goes back, so the client's next request cannot overlap this one in the count.
      inFlight.decrementAndGet();
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, response.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(response);
    }
  }

  private static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static byte[] response(int n, int k) {
    ObjectNode root = JSON.createObjectNode()
        .put("id", "bench")
        .put("object", "text_completion")
        .put("model", "bench-model");
    ArrayNode choices = root.putArray("choices");
    for (int i = 0; i < n; i++) {
      choice(choices.addObject().put("index", i), Math.max(1, k));
    }
    root.putObject("usage")
        .put("prompt_tokens", 32)
        .put("completion_tokens", n * TOKENS_PER_CHOICE)
        .put("total_tokens", 32 + n * TOKENS_PER_CHOICE);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One choice whose chosen token is always the most likely of k alternatives. */
  private static void choice(ObjectNode c, int k) {
    StringBuilder text = new StringBuilder();
    ArrayNode chosen = JSON.createArrayNode();
    ArrayNode tops = JSON.createArrayNode();
    for (int pos = 0; pos < TOKENS_PER_CHOICE; pos++) {
      text.append(token(0));
      chosen.add(logprob(0));
      ObjectNode top = tops.addObject();
      for (int m = 0; m < k; m++) {
        top.put(token(m), logprob(m));
      }
    }
    c.put("text", text.toString()).put("finish_reason", "length");
    ObjectNode logprobs = c.putObject("logprobs");
    logprobs.set("token_logprobs", chosen);
    logprobs.set("top_logprobs", tops);
  }

  private static String token(int rank) {
    return " t" + rank;
  }

  private static double logprob(int rank) {
    return -0.1 - 0.5 * rank;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
