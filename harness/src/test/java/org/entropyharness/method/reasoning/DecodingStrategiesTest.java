package org.entropyharness.method.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.FakeLanguageModel;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.cache.CachingLanguageModel;
import org.entropyharness.lm.cache.InMemoryGenerationCache;
import org.junit.jupiter.api.Test;

class DecodingStrategiesTest {
  private static final ReasoningContext CONTEXT = ReasoningContext.simple(256);
  private static final Problem PROBLEM = new Problem("p7", "What is 2 + 3?", "5", "1", Map.of());

  /** Seven traces answer 5 at confidence 1, three answer 7 at confidence 3 (by seed offset i). */
  private static FakeLanguageModel splitModel() {
    return new FakeLanguageModel("fp", (r, i) -> i % 10 < 7
        ? FakeLanguageModel.trace("so the answer is 5", 1f, 6)
        : FakeLanguageModel.trace("I think 7", 3f, 6));
  }

  @Test
  void should_fill_defaults_and_share_sampling_requests_between_sample_sc_and_deepconf() {
    DecodingStrategy sc = DecodingStrategies.create("self-consistency", Map.of(), CONTEXT);
    DecodingStrategy dc = DecodingStrategies.create("deepconf", Map.of("keep", 0.9), CONTEXT);
    DecodingStrategy sample = DecodingStrategies.create("sample", Map.of("n", 16), CONTEXT);
    assertThat(sc.params()).containsEntry("n", 16).containsEntry("temperature", 0.8).containsEntry("max-tokens", 256);
    assertThat(dc.params()).containsEntry("keep", 0.9).containsEntry("window", 2048).containsEntry("score", "bottom10");
    assertThat(dc.request(PROBLEM, 3)).isEqualTo(sc.request(PROBLEM, 3)).isEqualTo(sample.request(PROBLEM, 3));
    assertThat(sc.request(PROBLEM, 3).prompt()).startsWith("What is 2 + 3?");
  }

  @Test
  void should_generate_once_for_self_consistency_and_deepconf_through_a_cache() throws IOException {
    FakeLanguageModel fake = splitModel();
    CachingLanguageModel model = new CachingLanguageModel(fake, new InMemoryGenerationCache());
    ReasoningResult sc = DecodingStrategies.create("self-consistency", Map.of("n", 10), CONTEXT).run(model, PROBLEM, 1);
    ReasoningResult dc = DecodingStrategies.create("deepconf", Map.of("n", 10), CONTEXT).run(model, PROBLEM, 1);
    assertThat(fake.calls()).isEqualTo(1);
    assertThat(sc.traces()).isEqualTo(dc.traces());
    assertThat(sc.finalAnswer()).isEqualTo("5");
    assertThat(dc.finalAnswer()).isEqualTo("7");
    assertThat(dc.kept()).containsExactly(false, false, false, false, false, false, false, true, false, false);
    assertThat(dc.scores().get(0)).isEqualTo(1.0);
  }

  @Test
  void should_weight_deepconf_votes_by_confidence_among_kept_traces() {
    DecodingStrategy dc = DecodingStrategies.create("deepconf", Map.of("n", 10, "keep", 0.9, "score", "mean"),
        CONTEXT);
    List<Trace> traces = splitModel().generate(dc.request(PROBLEM, 1));
    ReasoningResult r = dc.aggregate(PROBLEM, traces);
    assertThat(r.kept().stream().filter(k -> k)).hasSize(9);
    assertThat(r.kept().get(6)).isFalse();
    assertThat(r.finalAnswer()).isEqualTo("7");
  }

  @Test
  void should_record_failed_traces_without_letting_them_vote() {
    DecodingStrategy sc = DecodingStrategies.create("self-consistency", Map.of("n", 3), CONTEXT);
    List<Trace> traces = List.of(
        Trace.failed("HTTP 503", EntropyProvenance.topK(20)),
        Trace.failed("HTTP 503", EntropyProvenance.topK(20)),
        FakeLanguageModel.trace("it is 4", 1, 3));
    ReasoningResult r = sc.aggregate(PROBLEM, traces);
    assertThat(r.failedTraces()).isEqualTo(2);
    assertThat(r.answers()).containsExactly("", "", "4");
    assertThat(r.kept()).containsExactly(false, false, true);
    assertThat(r.finalAnswer()).isEqualTo("4");
  }

  @Test
  void should_vote_with_the_plugged_in_equivalence() throws IOException {
    FakeLanguageModel m = new FakeLanguageModel("fp", (r, i) -> FakeLanguageModel.trace(
        List.of("x = 2.0", "x = 3", "x = 2", "x = 3").get(i), 1, 2));
    ReasoningContext numeric = new ReasoningContext(Problem::question, ReasoningContext::lastNumber,
        (a, b) -> Double.parseDouble(a) == Double.parseDouble(b), 64);
    ReasoningResult exact = DecodingStrategies.create("self-consistency", Map.of("n", 4), CONTEXT).run(m, PROBLEM, 0);
    ReasoningResult byValue = DecodingStrategies.create("self-consistency", Map.of("n", 4), numeric)
        .run(m, PROBLEM, 0);
    assertThat(exact.finalAnswer()).isEqualTo("3");
    assertThat(byValue.finalAnswer()).isEqualTo("2.0");
  }

  @Test
  void should_ask_greedy_for_one_argmax_trace_and_edt_for_an_adaptive_temperature() {
    GenerationRequest g = DecodingStrategies.create("greedy", Map.of("max-tokens", 32), CONTEXT).request(PROBLEM, 9);
    assertThat(g.decoding()).isEqualTo(Decoding.greedy(32));
    assertThat(g.n()).isEqualTo(1);
    GenerationRequest e = DecodingStrategies.create("edt", Map.of("theta", 0.5, "n", 4), CONTEXT).request(PROBLEM, 9);
    assertThat(e.decoding().entropyAdaptive()).isEqualTo(new Decoding.EntropyAdaptiveTemperature(1.0, 0.8, 0.5, 0.0));
    assertThat(e.n()).isEqualTo(4);
    assertThat(e.decoding().isGreedy()).isFalse();
  }

  @Test
  void should_reject_unknown_ids_parameters_and_values_naming_what_is_allowed() {
    assertThatThrownBy(() -> DecodingStrategies.create("beam", Map.of(), CONTEXT))
        .hasMessage("unknown strategy 'beam'; known: greedy, sample, edt, self-consistency, deepconf");
    assertThatThrownBy(() -> DecodingStrategies.create("sample", Map.of("topp", 0.9), CONTEXT))
        .hasMessage("strategy 'sample': unknown parameter 'topp'; allowed: max-tokens, min-p, n, temperature, "
            + "top-k, top-p");
    assertThatThrownBy(() -> DecodingStrategies.create("deepconf", Map.of("keep", 10), CONTEXT))
        .hasMessage("strategy 'deepconf': parameter 'keep' must be a fraction in (0, 1], found '10'");
    assertThatThrownBy(() -> DecodingStrategies.create("deepconf", Map.of("score", "median"), CONTEXT))
        .hasMessage("strategy 'deepconf': parameter 'score' must be one of mean, tail, bottom10, lowest-group, "
            + "found 'median'");
    assertThatThrownBy(() -> DecodingStrategies.create("self-consistency", Map.of("n", 2.5), CONTEXT))
        .hasMessage("strategy 'self-consistency': parameter 'n' must be an integer that fits in 32 bits, found '2.5'");
    assertThatThrownBy(() -> DecodingStrategies.create("sample", Map.of("top-p", 1.5), CONTEXT))
        .hasMessageStartingWith("strategy 'sample': bad decoding parameters");
  }
}
