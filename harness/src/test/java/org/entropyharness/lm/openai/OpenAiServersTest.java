package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A suite run against each server's recorded responses, replayed over loopback HTTP, reports what the recordings
 * imply ({@link Recorded}, worked out from the JSON by hand) with the provenance of each figure; what a server does
 * not send is reported missing with the reason.
 */
class OpenAiServersTest {
  private static final String SAMPLE = "[{sample: {n: 4, temperature: 0.8}}]";

  @TempDir Path dir;

  private List<MetricRow> run(String variant, String server) throws IOException {
    try (ReplayServer replay = new ReplayServer(variant)) {
      return ReplaySuite.run(dir, ReplaySuite.yaml(replay, server, SAMPLE, ""));
    }
  }

  private static void assertMeasured(List<MetricRow> rows, Recorded r) {
    assertThat(ReplaySuite.row(rows, "accuracy").value()).isCloseTo(r.accuracy(), within(1e-12));
    assertThat(ReplaySuite.row(rows, "pass@1").value()).isCloseTo(r.passAt1(), within(1e-12));
    assertThat(ReplaySuite.row(rows, "pass@4").value()).isCloseTo(r.passAt4(), within(1e-12));
    assertThat(ReplaySuite.row(rows, "tokens").value()).isCloseTo(r.meanCompletionTokens(), within(1e-12));
    assertThat(ReplaySuite.row(rows, "tokens").provenance()).isEmpty();
    assertThat(ReplaySuite.row(rows, "failed-share").value()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "vllm-completions, top-3 renormalised T=server", "vllm-chat, top-2 renormalised T=server",
      "sglang-completions, top-3 renormalised T=server", "llama-cpp-2025, top-3 renormalised T=server",
      "llama-cpp-2026, top-3 renormalised T=server", "ollama-chat, top-3 renormalised T=server"})
  void should_report_what_the_recorded_responses_imply(String variant, String topK) throws IOException {
    List<MetricRow> rows = run(variant, "auto");
    Recorded r = Recorded.of(variant);

    assertMeasured(rows, r);
    assertThat(ReplaySuite.row(rows, "prompt-tokens").value()).isCloseTo(r.meanPromptTokens(), within(1e-12));
    assertThat(ReplaySuite.row(rows, "entropy").value()).isCloseTo(r.meanEntropy(), within(1e-5));
    assertThat(ReplaySuite.row(rows, "entropy").provenance()).isEqualTo(topK);
    assertThat(ReplaySuite.row(rows, "confidence").value()).isCloseTo(r.meanConfidence(), within(1e-5));
    assertThat(ReplaySuite.row(rows, "confidence").provenance()).isEqualTo(topK);
  }

  @Test
  void should_check_the_recordings_imply_distinct_figures() {
    // Guards the test above against fixtures too uniform to tell a right figure from a wrong one.
    Recorded r = Recorded.of("vllm-completions");
    assertThat(r.accuracy()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(r.passAt1()).isCloseTo(8 / 12.0, within(1e-12));
    assertThat(r.passAt4()).isEqualTo(1.0);
    assertThat(r.meanEntropy()).isNotCloseTo(Recorded.of("vllm-chat").meanEntropy(), within(1e-3));
  }

  @Test
  void should_report_llama_cpp_native_layout_figures_and_missing_entropy() throws IOException {
    List<MetricRow> rows = run("llama-cpp-native", "auto");

    assertMeasured(rows, Recorded.of("llama-cpp-native"));
    String why = "missing: this llama.cpp build reports post-sampling probabilities (after temperature, top-k and "
        + "top-p), not the model's log-probabilities";
    assertThat(ReplaySuite.row(rows, "entropy").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "entropy").provenance()).isEqualTo(why);
    assertThat(ReplaySuite.row(rows, "confidence-ece").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "confidence-ece").provenance()).isEqualTo(why);
    assertThat(ReplaySuite.row(rows, "auroc-entropy").provenance()).isEqualTo(why);
  }

  @Test
  void should_report_ollama_completions_without_logprob_metrics_and_say_why() throws IOException {
    List<MetricRow> rows = run("ollama-completions", "auto");

    assertMeasured(rows, Recorded.of("ollama-completions"));
    String why = "missing: Ollama's /v1/completions returns no logprobs (openai/openai.go ToCompletion); use chat: "
        + "true with Ollama 0.12.11 or later";
    for (String metric : List.of("entropy", "entropy-p90", "high-entropy-share", "max-window-entropy", "confidence",
        "confidence-ece", "auroc-entropy", "entropy-gap-wrong-right")) {
      assertThat(ReplaySuite.row(rows, metric).value()).as(metric).isNaN();
      assertThat(ReplaySuite.row(rows, metric).provenance()).as(metric).isEqualTo(why);
    }
  }

  @Test
  void should_not_take_old_ollamas_prompt_counts_for_prompt_lengths() throws IOException {
    List<MetricRow> rows = run("ollama-chat-0.1.32", "auto");

    assertMeasured(rows, Recorded.of("ollama-chat-0.1.32"));
    assertThat(ReplaySuite.row(rows, "prompt-tokens").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "prompt-tokens").provenance()).isEqualTo("missing: Ollama 0.1.32 counts only the "
        + "prompt tokens it evaluated, not those it had cached (fixed in 0.1.49, ollama#5371)");
    assertThat(ReplaySuite.row(rows, "entropy").provenance())
        .isEqualTo("missing: Ollama 0.1.32 returns no logprobs; chat logprobs came in 0.12.11");
  }

  @ParameterizedTest
  @ValueSource(strings = {"llama-cpp-2025", "llama-cpp-2026", "llama-cpp-native", "ollama-completions", "ollama-chat"})
  void should_send_n_single_requests_with_distinct_seeds_where_n_is_not_taken(String variant) throws IOException {
    try (ReplayServer replay = new ReplayServer(variant)) {
      ReplaySuite.run(dir, ReplaySuite.yaml(replay, "auto", SAMPLE, ""));

      assertThat(replay.posts()).isEqualTo(12);
      assertThat(replay.bodies()).allSatisfy(b -> assertThat(b.has("n")).isFalse());
      for (String q : List.of("What is 7 + 5?", "What is 9 * 4?", "What is 15 - 8?")) {
        List<Long> seeds = replay.bodies().stream().filter(b -> q.equals(prompt(b))).map(b -> b.path("seed").asLong())
            .sorted().toList();
        assertThat(seeds).hasSize(4);
        assertThat(seeds.get(3) - seeds.get(0)).isEqualTo(3);
        assertThat(seeds).doesNotHaveDuplicates();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm-completions", "sglang-completions", "vllm-chat"})
  void should_ask_vllm_and_sglang_for_n_choices_in_one_request(String variant) throws IOException {
    try (ReplayServer replay = new ReplayServer(variant)) {
      ReplaySuite.run(dir, ReplaySuite.yaml(replay, "auto", SAMPLE, ""));

      assertThat(replay.posts()).isEqualTo(3);
      assertThat(replay.bodies()).allSatisfy(b -> assertThat(b.path("n").asInt()).isEqualTo(4));
    }
  }

  @Test
  void should_ask_llama_cpp_for_n_probs_and_ollama_completions_for_no_logprobs() throws IOException {
    try (ReplayServer llama = new ReplayServer("llama-cpp-native"); ReplayServer ollama =
        new ReplayServer("ollama-completions")) {
      ReplaySuite.run(dir.resolve("a"), ReplaySuite.yaml(llama, "auto", SAMPLE, ""));
      ReplaySuite.run(dir.resolve("b"), ReplaySuite.yaml(ollama, "auto", SAMPLE, ""));

      assertThat(llama.bodies().get(0).path("n_probs").asInt()).isEqualTo(3);
      assertThat(llama.bodies().get(0).path("logprobs").asInt()).isEqualTo(3);
      assertThat(ollama.bodies().get(0).has("logprobs")).isFalse();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "vllm-completions, vllm, 0.11.0, 'GET /v1/models: owned_by \"vllm\"'",
      "sglang-completions, sglang, '', 'GET /v1/models: owned_by \"sglang\"'",
      "llama-cpp-2025, llama-cpp, '', 'GET /v1/models: owned_by \"llamacpp\"'",
      "llama-cpp-native, llama-cpp, '', 'GET /props: llama-server properties'",
      "ollama-chat, ollama, 0.12.11, 'GET /api/version: version 0.12.11'"})
  void should_ask_the_server_which_it_is_once(String variant, String kind, String version, String evidence)
      throws IOException {
    try (ReplayServer replay = new ReplayServer(variant);
        OpenAiBackend backend = new OpenAiBackend(OpenAiConfig.fromMap(Map.of(
            "endpoints", List.of(replay.baseUri().toString()), "name", "m")))) {
      assertThat(backend.server()).isEqualTo(new ServerProfile(ServerKind.fromId(kind), version, evidence));
      assertThat(replay.posts()).isZero();
    }
  }

  private static String prompt(JsonNode body) {
    return body.has("prompt") ? body.path("prompt").asText() : body.path("messages").path(0).path("content").asText();
  }
}
