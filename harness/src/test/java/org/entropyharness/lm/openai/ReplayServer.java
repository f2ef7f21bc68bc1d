package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Serves one server variant's recorded responses ({@code src/test/resources/lm/openai/servers/<variant>/}) over HTTP
 * on 127.0.0.1, behaving as that server does where a request does not fit: llama.cpp answers {@code n != 1} with
 * its 500 (2024–2025 builds) or, beyond its slots, its 400 (later builds); Ollama ignores {@code n}; vLLM and SGLang
 * return the recorded {@code n} choices. GET routes answer from {@code GET/}, anything else 404. A prompt's single
 * responses are served in order ({@code <problem>-<i>.json}).
 */
final class ReplayServer implements AutoCloseable {
  static final Path ROOT = Path.of("src/test/resources/lm/openai/servers").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A reply that replaces the recorded one for a problem's i-th request; null keeps the recording. */
  interface Script {
    Reply reply(String problemId, int ordinal, JsonNode request);
  }

  record Reply(int status, String body) {}

  private final Path dir;
  private final JsonNode variant;
  private final Map<String, String> problemByQuestion = new HashMap<>();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger posts = new AtomicInteger();
  volatile UnaryOperator<ObjectNode> transform = UnaryOperator.identity();
  /** Applied to the serialized body: for what Jackson does not write, such as a bare -Infinity. */
  volatile UnaryOperator<String> text = UnaryOperator.identity();
  volatile Script script = (id, i, req) -> null;

  ReplayServer(String variantName) throws IOException {
    this.dir = ROOT.resolve(variantName);
    this.variant = JSON.readTree(dir.resolve("variant.json").toFile());
    for (String line : Files.readAllLines(ROOT.resolve("problems.jsonl"))) {
      JsonNode p = JSON.readTree(line);
      problemByQuestion.put(p.path("question").asText(), p.path("id").asText());
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  JsonNode variant() {
    return variant;
  }

  int posts() {
    return posts.get();
  }

  List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  /** A recorded response (a fresh copy), as the tests compute their expectations from. */
  static JsonNode recorded(String variantName, String file) {
    try {
      return JSON.readTree(ROOT.resolve(variantName).resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      if (ex.getRequestMethod().equals("GET")) {
        Path file = dir.resolve("GET").resolve(ex.getRequestURI().getPath().replaceFirst("^/", "").replace('/', '_')
            + ".json");
        send(ex, Files.isRegularFile(file) ? new Reply(200, Files.readString(file))
            : new Reply(404, "{\"detail\":\"Not Found\"}"));
        return;
      }
      posts.incrementAndGet();
      JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
      bodies.add(req);
      send(ex, answer(ex.getRequestURI().getPath(), req));
    } catch (RuntimeException e) {
      send(ex, new Reply(500, "{\"error\":\"replay server: " + e.getMessage() + "\"}"));
    }
  }

  private Reply answer(String path, JsonNode req) throws IOException {
    boolean chat = path.endsWith("/chat/completions");
    if (chat != variant.path("api").asText().equals("chat")) {
      return new Reply(404, "{\"detail\":\"Not Found\"}");
    }
    String question = chat ? req.path("messages").path(0).path("content").asText() : req.path("prompt").asText();
    String id = problemByQuestion.get(question);
    if (id == null) {
      return new Reply(400, "{\"error\":\"no recording for prompt " + question + "\"}");
    }
    Reply refused = refuseN(req.path("n").asInt(1));
    if (refused != null) {
      return refused;
    }
    AtomicInteger count = served.computeIfAbsent(id, k -> new AtomicInteger());
    int ordinal = count.get();
    Reply replaced = script.reply(id, ordinal, req);
    if (replaced != null) {
      return replaced;
    }
    count.incrementAndGet();
    boolean single = variant.path("choicesPerRequest").asInt() == 1;
    ObjectNode body = (ObjectNode) JSON.readTree(dir.resolve(single ? id + "-" + (ordinal % 4) + ".json" : id + ".json")
        .toFile());
    return new Reply(200, text.apply(JSON.writeValueAsString(transform.apply(body))));
  }

  /** What the server answers to an n it does not take, or null. */
  private Reply refuseN(int n) {
    String server = variant.path("server").asText();
    if (server.equals("llama-cpp") && n != 1 && variant.path("nError").asText().equals("500")) {
      return new Reply(500, "{\"error\":{\"code\":500,\"message\":\"Only one completion choice is allowed\","
          + "\"type\":\"server_error\"}}");
    }
    if (server.equals("llama-cpp") && n > variant.path("slots").asInt(1) && variant.path("nError").asText().equals("400")) {
      return new Reply(400, "{\"error\":{\"code\":400,\"message\":\"n_cmpl cannot be greater than the number of slots, "
          + "please increase -np\",\"type\":\"invalid_request_error\"}}");
    }
    int recorded = variant.path("choicesPerRequest").asInt();
    if (recorded > 1 && n != recorded) {
      return new Reply(400, "{\"error\":\"the recording has " + recorded + " choices, asked for " + n + "\"}");
    }
    return null;
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
