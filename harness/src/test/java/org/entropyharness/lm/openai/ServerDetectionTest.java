package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerDetectionTest {
  private static ServerDetection detection() {
    return new ServerDetection(HttpClient.newHttpClient(), Duration.ofSeconds(5), null,
        new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void should_say_what_every_route_answered_when_no_server_is_recognised() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"detail\":\"Not Found\"}".getBytes();
      ex.sendResponseHeaders(404, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
      assertThatThrownBy(() -> detection().detect(base)).hasMessage("could not tell which server runs at " + base
          + ": GET /v1/models: HTTP 404; GET /api/version: HTTP 404; GET /props: HTTP 404; GET /health: HTTP 404; "
          + "GET /version: HTTP 404; set model.server to one of vllm, sglang, llama-cpp, ollama");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void should_name_an_endpoint_nothing_listens_on() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/v1");
    assertThatThrownBy(() -> detection().detect(base))
        .hasMessageStartingWith("GET http://127.0.0.1:" + port + "/v1/models: java.net.ConnectException")
        .hasMessageEndingWith("; is the server up, and is the endpoint its base URL (such as http://host:8000/v1)?");
  }

  @Test
  void should_ask_again_while_the_server_is_not_up_yet() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/v1");
    ServerDetection patient = new ServerDetection(HttpClient.newHttpClient(), Duration.ofSeconds(5), null,
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
    assertThatThrownBy(() -> patient.detect(base)).hasMessageContaining("ConnectException")
        .hasMessageContaining(" (3 attempts); is the server up");
  }

  @Test
  void should_refuse_endpoints_that_run_different_servers() throws IOException {
    try (ReplayServer vllm = new ReplayServer("vllm-completions");
        ReplayServer sglang = new ReplayServer("sglang-completions")) {
      assertThatThrownBy(() -> new OpenAiBackend(OpenAiConfig.fromMap(Map.of("name", "m", "endpoints",
          List.of(vllm.baseUri().toString(), sglang.baseUri().toString())))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the endpoints run different servers: " + vllm.baseUri() + " is vllm 0.11.0, " + sglang.baseUri()
              + " is sglang; give one suite per server");
    }
  }

  @Test
  void should_take_the_root_of_a_base_url() {
    assertThat(ServerDetection.root(URI.create("http://h:8000/v1"))).isEqualTo("http://h:8000");
    assertThat(ServerDetection.root(URI.create("http://h:8000/v1/"))).isEqualTo("http://h:8000");
    assertThat(ServerDetection.root(URI.create("http://h:11434"))).isEqualTo("http://h:11434");
  }
}
