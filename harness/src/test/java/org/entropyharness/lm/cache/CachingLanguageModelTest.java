package org.entropyharness.lm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.FakeLanguageModel;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingLanguageModelTest {
  private static final Decoding SAMPLE = new Decoding(0.8, 0.95, 0, 0, null, 64);

  @TempDir Path runDir;

  private static FakeLanguageModel model() {
    return new FakeLanguageModel("fp-1", (r, i) -> FakeLanguageModel.trace(r.prompt() + "#" + (r.seed() + i), 1.5f, 4));
  }

  private static List<GenerationRequest> prompts(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> new GenerationRequest("q" + i, "prompt " + i, SAMPLE, 4, 7)).toList();
  }

  @Test
  void should_generate_each_prompt_once_across_runs_with_a_file_cache() throws IOException {
    FakeLanguageModel first = model();
    List<List<Trace>> before;
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      before = new CachingLanguageModel(first, cache).generateAll(prompts(3));
    }
    assertThat(first.calls()).isEqualTo(3);
    FakeLanguageModel rerun = model();
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      CachingLanguageModel m = new CachingLanguageModel(rerun, cache);
      List<List<Trace>> after = m.generateAll(prompts(4));
      assertThat(rerun.calls()).isEqualTo(1);
      assertThat(m.hits()).isEqualTo(3);
      assertThat(after.subList(0, 3)).usingRecursiveComparison().isEqualTo(before);
    }
  }

  @Test
  void should_share_samples_between_strategies_with_equal_decoding_but_not_other_parameters() throws IOException {
    FakeLanguageModel fake = model();
    CachingLanguageModel m = new CachingLanguageModel(fake, new InMemoryGenerationCache());
    GenerationRequest r = new GenerationRequest("a", "p", SAMPLE, 4, 7);
    m.generate(r);
    m.generate(new GenerationRequest("other-id", "p", SAMPLE, 4, 7));
    assertThat(fake.calls()).isEqualTo(1);
    m.generate(new GenerationRequest("a", "p", SAMPLE, 4, 8));
    m.generate(new GenerationRequest("a", "p", SAMPLE, 5, 7));
    m.generate(new GenerationRequest("a", "p", new Decoding(0.8, 0.95, 0, 0.05, null, 64), 4, 7));
    assertThat(fake.calls()).isEqualTo(4);
  }

  @Test
  void should_not_store_results_with_failed_traces() throws IOException {
    FakeLanguageModel failing = new FakeLanguageModel("fp-1", (r, i) ->
        i == 0 ? Trace.failed("HTTP 503", EntropyProvenance.EXACT) : FakeLanguageModel.trace("x", 1, 2));
    CachingLanguageModel m = new CachingLanguageModel(failing, new InMemoryGenerationCache());
    m.generate(prompts(1).get(0));
    m.generate(prompts(1).get(0));
    assertThat(failing.calls()).isEqualTo(2);
  }

  @Test
  void should_ignore_a_torn_last_line_and_append_after_it() throws IOException {
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      new CachingLanguageModel(model(), cache).generateAll(prompts(2));
    }
    Path file = runDir.resolve(FileGenerationCache.FILE_NAME);
    Files.writeString(file, "{\"key\":\"abc\",\"traces\":[{\"text\":\"half", StandardOpenOption.APPEND);
    FakeLanguageModel rerun = model();
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      assertThat(cache.droppedTornLines()).isEqualTo(1);
      assertThat(cache.size()).isEqualTo(2);
      new CachingLanguageModel(rerun, cache).generateAll(prompts(3));
    }
    assertThat(rerun.calls()).isEqualTo(1);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"key\":").endsWith("}]}"));
  }

  @Test
  void should_locate_a_corrupt_complete_line() throws IOException {
    Path file = runDir.resolve(FileGenerationCache.FILE_NAME);
    Files.writeString(file, "{\"key\":\"a\",\"traces\":[]}\n{\"key\":\"b\" \"traces\":[]}\n");
    assertThatThrownBy(() -> new FileGenerationCache(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":2:12: malformed cache line")
        .hasMessageEndingWith("delete the line or the file to regenerate");
  }

  @Test
  void should_round_trip_non_finite_entropies_and_errors() throws IOException {
    Trace t = new Trace("t", 1, 2, new float[] {Float.NaN, 0.5f}, new float[] {1, 2}, new float[] {-1, -2},
        EntropyProvenance.topK(20), "length", null);
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      cache.put("k", List.of(t, Trace.failed("boom", EntropyProvenance.topK(20))));
    }
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      List<Trace> back = cache.get("k").orElseThrow();
      Trace b = back.get(0);
      assertThat(java.util.Arrays.equals(b.tokenEntropies(), t.tokenEntropies())).as("entropies with NaN").isTrue();
      assertThat(b.tokenConfidences()).containsExactly(1, 2);
      assertThat(b.tokenLogprobs()).containsExactly(-1, -2);
      assertThat(List.of(b.text(), b.promptTokens(), b.completionTokens(), b.provenance(), b.finishReason()))
          .containsExactly("t", 1, 2, EntropyProvenance.topK(20), "length");
      assertThat(b.error()).isNull();
      assertThat(back.get(1).error()).isEqualTo("boom");
    }
  }

  @Test
  void should_round_trip_unknown_counts_and_the_notes_saying_why() throws IOException {
    Trace t = new Trace("t", Trace.UNKNOWN, 3, null, null, null, EntropyProvenance.topK(20), "stop", null,
        java.util.Map.of(Trace.Measure.PROMPT_TOKENS, "the response had no usage.prompt_tokens",
            Trace.Measure.TOP_LOGPROBS, "no logprobs"));
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      cache.put("k", List.of(t));
    }
    try (FileGenerationCache cache = FileGenerationCache.inRunDirectory(runDir)) {
      Trace b = cache.get("k").orElseThrow().get(0);
      assertThat(b.promptTokens()).isEqualTo(Trace.UNKNOWN);
      assertThat(b.notes()).isEqualTo(t.notes());
    }
  }

  @Test
  void should_locate_a_note_of_an_unknown_kind() throws IOException {
    Path file = runDir.resolve(FileGenerationCache.FILE_NAME);
    Files.writeString(file, "{\"key\":\"a\",\"traces\":[{\"text\":\"t\",\"notes\":{\"LATENCY\":\"x\"}}]}\n");
    assertThatThrownBy(() -> new FileGenerationCache(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1:1: not a cache entry (No enum constant org.entropyharness.lm.Trace.Measure.LATENCY); "
            + "delete the line or the file to regenerate");
  }
}
