package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a suite reports when a server sends less than it should or fails: placeholders read as tokens below the top
 * k, and "missing, because …" for what cannot be measured (null logprobs, no logprobs, no usage, failed traces),
 * never a number computed on what is not there.
 */
class OpenAiDegradedTest {
  private static final String SAMPLE = "[{sample: {n: 4, temperature: 0.8}}]";

  @TempDir Path dir;
  private int runs;

  private List<MetricRow> run(String variant, String server, UnaryOperator<ObjectNode> edit, String methods,
      String protocol) throws IOException {
    try (ReplayServer replay = new ReplayServer(variant)) {
      replay.transform = edit;
      return ReplaySuite.run(dir.resolve("run" + runs++), ReplaySuite.yaml(replay, server, methods, protocol));
    }
  }

  /** Every top dict of a completions-layout response, with the choice's sampled-token array. */
  private static void eachTopDict(ObjectNode response, java.util.function.Consumer<ObjectNode> edit) {
    for (JsonNode c : response.path("choices")) {
      c.path("logprobs").path("top_logprobs").forEach(d -> edit.accept((ObjectNode) d));
    }
  }

  /** The last entry of each top dict (the lowest of the top k) becomes {@code value}, as for a masked token. */
  private static UnaryOperator<ObjectNode> lowestTopBecomes(JsonNode value) {
    return r -> {
      eachTopDict(r, d -> {
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        d.set(keys.get(keys.size() - 1), value);
      });
      return r;
    };
  }

  @Test
  void should_read_placeholders_as_tokens_below_the_top_k() throws IOException {
    for (JsonNode placeholder : List.of(DoubleNode.valueOf(-9999.0), DoubleNode.valueOf(-3.4028234663852886e38),
        DoubleNode.valueOf(Double.NEGATIVE_INFINITY), NullNode.getInstance())) {
      UnaryOperator<ObjectNode> edit = lowestTopBecomes(placeholder);
      List<MetricRow> rows;
      try (ReplayServer replay = new ReplayServer("vllm-completions")) {
        replay.transform = edit;
        replay.text = s -> s.replace("\"-Infinity\"", "-Infinity"); // as Python's json.dumps writes it
        rows = ReplaySuite.run(dir.resolve(placeholder.asText()), ReplaySuite.yaml(replay, "vllm", SAMPLE, ""));
      }
      Recorded r = Recorded.of("vllm-completions", edit);

      assertThat(ReplaySuite.row(rows, "entropy").value()).as("%s", placeholder).isCloseTo(r.meanEntropy(), within(1e-5));
      assertThat(ReplaySuite.row(rows, "confidence").value()).as("%s", placeholder)
          .isCloseTo(r.meanConfidence(), within(1e-5)).isLessThan(10);
      assertThat(ReplaySuite.row(rows, "entropy").provenance()).isEqualTo("top-3 renormalised T=server");
    }
  }

  @Test
  void should_report_entropy_and_calibration_missing_when_every_logprob_is_null() throws IOException {
    UnaryOperator<ObjectNode> nulls = r -> {
      for (JsonNode c : r.path("choices")) {
        ObjectNode lp = (ObjectNode) c.path("logprobs");
        int n = lp.path("token_logprobs").size();
        var chosen = lp.putArray("token_logprobs");
        for (int i = 0; i < n; i++) {
          chosen.addNull();
        }
      }
      eachTopDict(r, d -> {
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
          d.set(it.next(), NullNode.getInstance());
        }
      });
      return r;
    };
    List<MetricRow> rows = run("sglang-completions", "auto", nulls, SAMPLE, "");

    assertThat(ReplaySuite.row(rows, "entropy").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "entropy").provenance()).isEqualTo("missing: no top logprobs at any token (absent, "
        + "null, or placeholders only); placeholder values (null, -Infinity, -9999 or -3.4e38) were read as tokens below "
        + "the top k");
    assertThat(ReplaySuite.row(rows, "confidence-ece").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "confidence-ece").provenance())
        .isEqualTo("missing: the sampled token's logprob was absent, null or a placeholder at every token");
    assertThat(ReplaySuite.row(rows, "auroc-entropy").value()).isNaN();
    assertThat(ReplaySuite.row(rows, "accuracy").value()).isCloseTo(Recorded.of("sglang-completions").accuracy(),
        within(1e-12));
  }

  @Test
  void should_count_tokens_from_logprobs_only_without_usage_and_say_so() throws IOException {
    UnaryOperator<ObjectNode> noUsage = r -> {
      r.remove("usage");
      return r;
    };
    List<MetricRow> counted = run("vllm-completions", "auto", noUsage, SAMPLE, "");
    List<MetricRow> nothing = run("ollama-completions", "auto", noUsage, SAMPLE, "");

    assertThat(ReplaySuite.row(counted, "tokens").value())
        .isCloseTo(Recorded.of("vllm-completions").meanCompletionTokens(), within(1e-12));
    assertThat(ReplaySuite.row(counted, "tokens").provenance())
        .isEqualTo("counted from the logprob entries: the response had no usage.completion_tokens");
    assertThat(ReplaySuite.row(counted, "prompt-tokens").value()).isNaN();
    assertThat(ReplaySuite.row(counted, "prompt-tokens").provenance())
        .isEqualTo("missing: the response had no usage.prompt_tokens");
    assertThat(ReplaySuite.row(nothing, "tokens").value()).isNaN();
    assertThat(ReplaySuite.row(nothing, "tokens").provenance())
        .isEqualTo("missing: the response had no usage.completion_tokens and no logprobs to count");
    assertThat(ReplaySuite.row(nothing, "tokens-p90").value()).isNaN();
  }

  @Test
  void should_leave_deepconf_missing_without_confidences_while_the_majority_vote_is_measured() throws IOException {
    String methods = "[{self-consistency: {n: 4, temperature: 0.8}}, {deepconf: {n: 4, temperature: 0.8, keep: 0.5}}]";
    List<MetricRow> rows = run("ollama-completions", "auto", UnaryOperator.identity(), methods, "");

    MetricRow majority = rows.stream().filter(r -> r.metric().equals("accuracy") && r.slice().equals("all")
        && r.method().equals("self-consistency")).findFirst().orElseThrow();
    MetricRow deepconf = rows.stream().filter(r -> r.metric().equals("accuracy") && r.slice().equals("all")
        && r.method().equals("deepconf")).findFirst().orElseThrow();
    assertThat(majority.value()).isCloseTo(Recorded.of("ollama-completions").accuracy(), within(1e-12));
    assertThat(deepconf.value()).isNaN();
    assertThat(deepconf.provenance()).isEqualTo("missing: deepconf ranks traces by token confidence and none of the 4 "
        + "traces has one: Ollama's /v1/completions returns no logprobs (openai/openai.go ToCompletion); use chat: true "
        + "with Ollama 0.12.11 or later");
  }

  @Test
  void should_vote_deepconf_on_the_confidences_a_server_sends() throws IOException {
    String methods = "[{deepconf: {n: 4, temperature: 0.8, keep: 0.5}}]";
    List<MetricRow> rows = run("ollama-chat", "auto", UnaryOperator.identity(), methods, "");

    assertThat(ReplaySuite.row(rows, "accuracy").value()).isBetween(0.0, 1.0);
    assertThat(ReplaySuite.row(rows, "accuracy").provenance()).isEmpty();
  }
}
