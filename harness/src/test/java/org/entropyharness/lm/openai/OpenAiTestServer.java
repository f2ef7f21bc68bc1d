package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on 127.0.0.1 (ephemeral port) for tests: a scripted model with deterministic
 * completions and logprobs, and injectable faults applied to the next requests in order.
 *
 * <p>The scripted model: at each position, logits over an 8-token vocabulary come from a generator seeded by
 * (prompt, seed + choice index, position); greedy takes the argmax, sampling draws from the softmax. Choice i of a
 * request uses seed + i, so one request for n choices equals n requests for one choice at consecutive seeds. GET
 * /v1/models answers as vLLM does ({@code owned_by: vllm}), and the completions carry vLLM's layout.
 */
final class OpenAiTestServer implements AutoCloseable {
  enum Fault {
    RATE_LIMIT, ERROR_500, UNAVAILABLE_503, SLOW, RESET, TRUNCATED, BAD_REQUEST_ECHOING_HEADERS,
    /** Every choice a copy of the first, run to max_tokens: a server that ignores the seed or n. */
    DUPLICATE_CHOICES
  }

  private static final String[] VOCAB = {" the", " answer", " is", " 1", " 2", " 3", " 4", "."};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
  volatile long delayMillis;
  volatile long slowMillis = 2000;
  volatile int maxChoicesPerResponse = Integer.MAX_VALUE;

  OpenAiTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  void enqueue(Fault... fs) {
    faults.addAll(Arrays.asList(fs));
  }

  int requests() {
    return requests.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  private void handle(HttpExchange ex) throws IOException {
    if (ex.getRequestMethod().equals("GET")) {
      answerModels(ex);
      return;
    }
    requests.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean counted = true;
    try {
      authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      bodies.add(body);
      Fault fault = faults.poll();
      if (fault != null) {
        inject(fault, ex, body);
        return;
      }
      pause(delayMillis);
      boolean chat = ex.getRequestURI().getPath().endsWith("/chat/completions");
      byte[] answer = JSON.writeValueAsBytes(respond(body, chat));
      // Done before the answer leaves: once the client reads it, it may send its next request, which must not find
      // this one still counted.
      inFlight.decrementAndGet();
      counted = false;
      send(ex, 200, answer);
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
    }
  }

  /** What vLLM answers on GET /v1/models, so {@code server: auto} finds a vLLM-shaped server. */
  private static void answerModels(HttpExchange ex) throws IOException {
    if (!ex.getRequestURI().getPath().equals("/v1/models")) {
      send(ex, 404, "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"scripted\",\"object\":\"model\",\"owned_by\":\"vllm\"}]}"
        .getBytes(StandardCharsets.UTF_8));
  }

  private void inject(Fault fault, HttpExchange ex, JsonNode body) throws IOException {
    switch (fault) {
      case RATE_LIMIT -> {
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8));
      }
      case ERROR_500 -> send(ex, 500, "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
      case UNAVAILABLE_503 -> send(ex, 503, "{\"error\":\"loading\"}".getBytes(StandardCharsets.UTF_8));
      case SLOW -> {
        pause(slowMillis);
        send(ex, 200, JSON.writeValueAsBytes(respond(body, false)));
      }
      case RESET -> ex.close();
      case TRUNCATED -> {
        byte[] full = JSON.writeValueAsBytes(respond(body, false));
        send(ex, 200, Arrays.copyOf(full, full.length / 2));
      }
      case DUPLICATE_CHOICES -> {
        ObjectNode r = respond(body, false);
        ObjectNode first = JSON.createObjectNode().put("index", 0);
        choice(first, body.path("prompt").asText(), body, body.path("seed").asLong(), body.path("logprobs").asInt(0),
            false, false);
        ArrayNode copies = r.putArray("choices");
        for (int i = 0; i < body.path("n").asInt(1); i++) {
          copies.add(first.deepCopy().put("index", i));
        }
        send(ex, 200, JSON.writeValueAsBytes(r));
      }
      case BAD_REQUEST_ECHOING_HEADERS -> send(ex, 400,
          ("{\"error\":{\"message\":\"bad request from Authorization: " + ex.getRequestHeaders().getFirst("Authorization")
              + "\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}")
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode respond(JsonNode req, boolean chat) {
    String prompt = chat ? req.path("messages").path(0).path("content").asText() : req.path("prompt").asText();
    int n = Math.min(req.path("n").asInt(1), maxChoicesPerResponse);
    int k = chat ? req.path("top_logprobs").asInt(0) : req.path("logprobs").asInt(0);
    ObjectNode root = JSON.createObjectNode().put("object", chat ? "chat.completion" : "text_completion");
    ArrayNode choices = root.putArray("choices");
    int completionTokens = 0;
    for (int i = 0; i < n; i++) {
      ObjectNode c = choices.addObject().put("index", i);
      completionTokens += choice(c, prompt, req, req.path("seed").asLong() + i, k, chat, true);
    }
    root.putObject("usage").put("prompt_tokens", prompt.split("\\s+").length)
        .put("completion_tokens", completionTokens);
    return root;
  }

  /** Fills one choice; returns its token count. */
  private static int choice(ObjectNode c, String prompt, JsonNode req, long seed, int k, boolean chat, boolean stops) {
    double temperature = req.path("temperature").asDouble(1);
    int maxTokens = req.path("max_tokens").asInt(16);
    StringBuilder text = new StringBuilder();
    ArrayNode chosenLps = JSON.createArrayNode();
    ArrayNode tops = JSON.createArrayNode();
    ArrayNode content = JSON.createArrayNode();
    String finish = "length";
    SplittableRandom sampler = new SplittableRandom(seed * 31 + prompt.hashCode());
    for (int pos = 0; pos < maxTokens; pos++) {
      double[] lp = logprobs(new SplittableRandom(prompt.hashCode() * 1_000_003L + seed * 7919 + pos));
      int tok = temperature == 0 ? argmax(lp) : sample(lp, temperature, sampler);
      text.append(VOCAB[tok]);
      chosenLps.add(lp[tok]);
      Integer[] order = topOrder(lp);
      ObjectNode top = tops.addObject();
      ObjectNode entry = content.addObject().put("token", VOCAB[tok]).put("logprob", lp[tok]);
      ArrayNode chatTop = entry.putArray("top_logprobs");
      for (int m = 0; m < Math.min(k, VOCAB.length); m++) {
        top.put(VOCAB[order[m]], lp[order[m]]);
        chatTop.addObject().put("token", VOCAB[order[m]]).put("logprob", lp[order[m]]);
      }
      if (stops && VOCAB[tok].equals(".") && pos >= 2) {
        finish = "stop";
        break;
      }
    }
    c.put("finish_reason", finish);
    if (chat) {
      c.putObject("message").put("role", "assistant").put("content", text.toString());
      c.putObject("logprobs").set("content", content);
    } else {
      c.put("text", text.toString());
      ObjectNode l = c.putObject("logprobs");
      l.set("token_logprobs", chosenLps);
      l.set("top_logprobs", tops);
    }
    return chosenLps.size();
  }

  /** Log-softmax of logits drawn uniformly in [0, 4). */
  static double[] logprobs(SplittableRandom r) {
    double[] logits = new double[VOCAB.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = r.nextDouble() * 4;
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    for (double l : logits) {
      sum += Math.exp(l - max);
    }
    double log = max + Math.log(sum);
    return Arrays.stream(logits).map(l -> l - log).toArray();
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int sample(double[] lp, double temperature, SplittableRandom r) {
    double[] w = Arrays.stream(lp).map(l -> Math.exp(l / temperature)).toArray();
    double u = r.nextDouble() * Arrays.stream(w).sum();
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u <= 0) {
        return i;
      }
    }
    return w.length - 1;
  }

  private static Integer[] topOrder(double[] lp) {
    Integer[] idx = new Integer[lp.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -lp[i]));
    return idx;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
