package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.cli.HarnessCommand;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Failures are failures: a bad request is not retried and its message is shown whole with what to do, failed traces
 * stay out of the token means and show as a failed share, and a cell above {@code max-failed-share} fails its run
 * check and its gates with that reason (engine and CLI alike) instead of grading a broken server.
 */
class OpenAiFailuresTest {
  private static final String SAMPLE = "[{sample: {n: 4, temperature: 0.8}}]";
  private static final String ONE_CHOICE = "HTTP 500 (server_error): Only one completion choice is allowed; llama.cpp "
      + "takes one choice per request: set model.server to llama-cpp (or auto) so the harness sends n single requests "
      + "with distinct seeds";

  @TempDir Path dir;

  @Test
  void should_not_retry_llama_cpps_one_choice_500_and_report_every_trace_failed() throws IOException {
    try (ReplayServer replay = new ReplayServer("llama-cpp-2025")) {
      List<MetricRow> rows = ReplaySuite.run(dir, ReplaySuite.yaml(replay, "vllm", SAMPLE, ""));

      assertThat(replay.posts()).isEqualTo(3);
      assertThat(ReplaySuite.row(rows, "failed-share").value()).isEqualTo(1.0);
      assertThat(ReplaySuite.row(rows, "failed-share").provenance())
          .isEqualTo("first error: POST " + replay.baseUri() + "/completions: " + ONE_CHOICE);
      assertThat(ReplaySuite.row(rows, "tokens").value()).isNaN();
      assertThat(ReplaySuite.row(rows, "tokens").provenance())
          .isEqualTo("missing: the trace failed: POST " + replay.baseUri() + "/completions: " + ONE_CHOICE);
      assertThat(ReplaySuite.row(rows, "entropy").value()).isNaN();
    }
  }

  @Test
  void should_not_send_a_refused_request_again_for_the_next_cell() throws IOException {
    String twoCells = "[{sample: {n: 4, temperature: 0.8}}, {self-consistency: {n: 4, temperature: 0.8}}]";
    try (ReplayServer replay = new ReplayServer("llama-cpp-2025")) {
      List<MetricRow> rows = ReplaySuite.run(dir, ReplaySuite.yaml(replay, "vllm", twoCells, ""));

      assertThat(replay.posts()).isEqualTo(3);
      assertThat(rows.stream().filter(r -> r.metric().equals("failed-share") && r.slice().equals("all")))
          .hasSize(2).allSatisfy(r -> assertThat(r.value()).isEqualTo(1.0));
    }
  }

  @Test
  void should_not_retry_newer_llama_cpps_400_beyond_its_slots() throws IOException {
    try (ReplayServer replay = new ReplayServer("llama-cpp-2026")) {
      List<MetricRow> rows = ReplaySuite.run(dir, ReplaySuite.yaml(replay, "sglang", SAMPLE, ""));

      assertThat(replay.posts()).isEqualTo(3);
      assertThat(ReplaySuite.row(rows, "failed-share").provenance()).endsWith("/completions: HTTP 400 "
          + "(invalid_request_error): n_cmpl cannot be greater than the number of slots, please increase -np; llama.cpp "
          + "takes one choice per request: set model.server to llama-cpp (or auto) so the harness sends n single "
          + "requests with distinct seeds");
    }
  }

  @Test
  void should_leave_failed_traces_out_of_token_means_and_count_them() throws IOException {
    try (ReplayServer replay = new ReplayServer("vllm-completions")) {
      replay.script = (id, i, req) -> id.equals("p3") ? new ReplayServer.Reply(503,
          "{\"object\":\"error\",\"message\":\"The model is loading\",\"type\":\"ServiceUnavailableError\",\"code\":503}")
          : null;
      List<MetricRow> rows = ReplaySuite.run(dir, ReplaySuite.yaml(replay, "vllm", SAMPLE, ", max-failed-share: 0.5"));
      Recorded r = Recorded.of("vllm-completions");
      double tokens = java.util.stream.Stream.of("p1", "p2").flatMap(p -> r.choices(p).stream())
          .mapToInt(Recorded.Choice::completionTokens).average().orElseThrow();

      assertThat(replay.posts()).isEqualTo(4);
      assertThat(ReplaySuite.row(rows, "tokens").value()).isCloseTo(tokens, within(1e-12));
      assertThat(ReplaySuite.row(rows, "tokens").provenance()).isEqualTo("4 of 12 traces not measured: the trace "
          + "failed: failed after 2 attempts; last: POST " + replay.baseUri() + "/completions: HTTP 503 "
          + "(ServiceUnavailableError): The model is loading");
      assertThat(ReplaySuite.row(rows, "failed-share").value()).isCloseTo(4 / 12.0, within(1e-12));
      assertThat(ReplaySuite.row(rows, "failed").value()).isEqualTo(4);
    }
  }

  @Test
  void should_show_a_context_length_error_whole_with_the_numbers_and_not_retry_it() throws IOException {
    String message = "'max_tokens' or 'max_completion_tokens' is too large: 64. This model's maximum context length is "
        + "64 tokens and your request has 14 input tokens (64 > 64 - 14). None";
    try (ReplayServer replay = new ReplayServer("vllm-completions")) {
      replay.script = (id, i, req) -> new ReplayServer.Reply(400, "{\"error\":{\"message\":\"" + message
          + "\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}");
      List<MetricRow> rows = ReplaySuite.run(dir, ReplaySuite.yaml(replay, "vllm", SAMPLE, ""));

      assertThat(replay.posts()).isEqualTo(3);
      assertThat(ReplaySuite.row(rows, "failed-share").provenance()).isEqualTo("first error: POST " + replay.baseUri()
          + "/completions: HTTP 400 (BadRequestError): " + message + "; the prompt and the completion must fit the "
          + "model's context: this request asked for max_tokens 64 after a prompt of 14 characters; lower "
          + "protocol.max-tokens (or the method's max-tokens)");
    }
  }

  @Test
  void should_show_up_to_2000_characters_of_a_servers_message() {
    String message = "x".repeat(2500);
    ServerErrors.ServerError e = ServerErrors.parse(400, ("{\"object\":\"error\",\"message\":\"" + message
        + "\",\"type\":\"BadRequestError\",\"code\":400}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(e.message()).isEqualTo("x".repeat(2000) + "… (500 more characters)");
    assertThat(e.worthRetrying()).isFalse();
  }

  /** A suite file on disk with a gate, for the engine and the CLI. */
  private Path gatedSuite(ReplayServer replay) throws IOException {
    Path suite = Files.createDirectories(dir.resolve("suites")).resolve("replay.yaml");
    Files.writeString(suite, ReplaySuite.yaml(replay, "vllm", SAMPLE, "")
        + "gates:\n  - {metric: accuracy, worse-by-at-most: 5pp}\n");
    return suite;
  }

  private static void failP3(ReplayServer replay) {
    replay.script = (id, i, req) -> id.equals("p3") ? new ReplayServer.Reply(503, "{\"error\":\"overloaded\"}") : null;
  }

  @Test
  void should_fail_the_run_check_and_gates_of_a_cell_above_max_failed_share_in_the_engine() throws IOException {
    try (ReplayServer replay = new ReplayServer("vllm-completions")) {
      failP3(replay);
      Path suite = gatedSuite(replay);
      String reason = "4 of 12 traces failed (33.3%, above max-failed-share 5.0%), so its numbers grade the server, "
          + "not the model; first error: failed after 2 attempts; last: POST " + replay.baseUri() + "/completions: "
          + "HTTP 503: overloaded";

      EngineTestKit.engine("entropy-harness")
          .configurationParameter("harness.root", dir.resolve("root").toString())
          .selectors(selectFile(suite.toFile()))
          .execute()
          .testEvents()
          .assertStatistics(s -> s.failed(2))
          .assertThatEvents()
          .haveExactly(1, event(test(), displayName("runs"), finishedWithFailure(message(
              String.format("%nExpecting%n  sample@1 runs%nto be measured on a working server,%nbut %s", reason)))))
          .haveExactly(1, event(test(), displayName("accuracy worse by at most 5pp @95%"), finishedWithFailure(message(
              m -> m.equals(suite + ":13:5: accuracy worse by at most 5pp @95%" + String.format(
                  "%nExpecting%n  sample@1 accuracy%nto be gated against its baseline,%nbut %s", reason))))));
    }
  }

  @Test
  void should_exit_1_from_harness_run_on_a_cell_above_max_failed_share() throws IOException {
    try (ReplayServer replay = new ReplayServer("vllm-completions")) {
      failP3(replay);
      StringWriter out = new StringWriter();
      int exit = HarnessCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "run",
          gatedSuite(replay).toString(), "--runs", dir.resolve("runs").toString());

      assertThat(exit).isEqualTo(1);
      assertThat(out.toString()).contains("check replay sample@1 FAILED: 4 of 12 traces failed (33.3%, above "
          + "max-failed-share 5.0%)", "gate replay sample@1 accuracy worse by at most 5pp @95%: MISSING: 4 of 12 "
          + "traces failed");
    }
  }
}
