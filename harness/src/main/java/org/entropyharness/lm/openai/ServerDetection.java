package org.entropyharness.lm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an endpoint which server it is, once, through routes each server has (docs/servers.md): {@code /v1/models}
 * names vLLM, SGLang and llama.cpp in {@code owned_by}; Ollama answers {@code /api/version}; llama.cpp builds
 * without that field answer {@code /props} or {@code /health}; vLLM's {@code /version} gives its version.
 */
final class ServerDetection {
  private static final Map<String, ServerKind> OWNERS =
      Map.of("vllm", ServerKind.VLLM, "sglang", ServerKind.SGLANG, "llamacpp", ServerKind.LLAMA_CPP);

  private final HttpClient http;
  private final Duration timeout;
  private final String authorization;
  private final RetryPolicy retry;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param authorization the Authorization header value, or null
   * @param retry how often to ask again when the server cannot be reached (it may still be starting)
   */
  ServerDetection(HttpClient http, Duration timeout, String authorization, RetryPolicy retry) {
    this.http = http;
    this.timeout = timeout;
    this.authorization = authorization;
    this.retry = retry;
  }

  /**
   * The profile of the server behind a base URL such as {@code http://host:8000/v1}.
   *
   * @throws IOException when the server cannot be reached or answers none of the routes as a known server does
   */
  ServerProfile detect(URI base) throws IOException {
    String root = root(base);
    List<String> tried = new ArrayList<>();
    Probe models = get(trimmed(base) + "/models", tried);
    String owner = models.json().path("data").path(0).path("owned_by").asText("");
    if (OWNERS.containsKey(owner)) {
      ServerKind kind = OWNERS.get(owner);
      String version = kind == ServerKind.VLLM ? get(root + "/version", tried).json().path("version").asText("") : "";
      return new ServerProfile(kind, version, "GET " + models.path() + ": owned_by \"" + owner + "\"");
    }
    Probe ollama = get(root + "/api/version", tried);
    if (ollama.json().path("version").isTextual()) {
      String version = ollama.json().path("version").asText();
      return new ServerProfile(ServerKind.OLLAMA, version, "GET " + ollama.path() + ": version " + version);
    }
    Probe props = get(root + "/props", tried);
    if (props.json().has("default_generation_settings") || props.json().has("total_slots")) {
      return new ServerProfile(ServerKind.LLAMA_CPP, props.json().path("build_info").asText(""),
          "GET " + props.path() + ": llama-server properties");
    }
    Probe health = get(root + "/health", tried);
    if (health.json().path("status").isTextual()) {
      return new ServerProfile(ServerKind.LLAMA_CPP, "", "GET " + health.path() + ": {\"status\": \""
          + health.json().path("status").asText() + "\"}");
    }
    Probe version = get(root + "/version", tried);
    if (version.json().path("version").isTextual()) {
      return new ServerProfile(ServerKind.VLLM, version.json().path("version").asText(),
          "GET " + version.path() + ": version " + version.json().path("version").asText());
    }
    throw new IOException("could not tell which server runs at " + base + ": " + String.join("; ", tried)
        + "; set model.server to one of vllm, sglang, llama-cpp, ollama");
  }

  /** What one GET came to: the parsed body (an empty object when not JSON or not 200). */
  private record Probe(String path, JsonNode json) {}

  private Probe get(String url, List<String> tried) throws IOException {
    URI uri = URI.create(url);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    HttpResponse<byte[]> resp = send(req.build());
    Optional<JsonNode> body = resp.statusCode() == 200 ? parse(resp.body()) : Optional.empty();
    tried.add("GET " + uri.getPath() + ": " + (resp.statusCode() != 200 ? "HTTP " + resp.statusCode()
        : body.isPresent() ? ServerErrors.abbreviate(new String(resp.body(), StandardCharsets.UTF_8), 120)
        : "not JSON"));
    return new Probe(uri.getPath(), body.orElse(json.createObjectNode()));
  }

  /** One GET, asked again with backoff while the server cannot be reached. */
  private HttpResponse<byte[]> send(HttpRequest req) throws IOException {
    int attempts = retry.retries() + 1;
    for (int attempt = 0; ; attempt++) {
      try {
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while asking " + req.uri() + " which server it is");
      } catch (IOException e) {
        if (attempt + 1 >= attempts) {
          throw new IOException("GET " + req.uri() + ": " + e + (attempts > 1 ? " (" + attempts + " attempts)" : "")
              + "; is the server up, and is the endpoint its base URL (such as http://host:8000/v1)?", e);
        }
        pause(retry.delay(attempt, null));
      }
    }
  }

  private static void pause(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server to come up");
    }
  }

  private Optional<JsonNode> parse(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String trimmed(URI base) {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The server's root: the base URL without its {@code /v1}. */
  static String root(URI base) {
    String s = trimmed(base);
    return s.endsWith("/v1") ? s.substring(0, s.length() - 3) : s;
  }
}
