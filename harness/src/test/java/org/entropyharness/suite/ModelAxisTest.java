package org.entropyharness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite's model axis: a single model, a list of models, checkpoint series from a glob or from served names. */
class ModelAxisTest {
  private final SuiteLoader loader = new SuiteLoader(FamilyCatalog.PERMISSIVE);

  @TempDir Path dir;

  @BeforeEach
  void checkpoints() throws Exception {
    Files.createDirectories(dir.resolve("ckpt"));
    for (String name : List.of("step-0200.bin", "step-0050.bin", "step-1000.bin", "notes.txt")) {
      Files.writeString(dir.resolve("ckpt").resolve(name), name);
    }
    Files.writeString(dir.resolve("start.bin"), "start");
  }

  private SuiteSpec load(String models) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        suite: s
        family: reasoning
        dataset: {name: arith, levels: [1], per-level: 2}
        %s
        methods: [greedy, {sample: {n: 4}}]
        seeds: [1, 2]
        """.formatted(models));
    return loader.load(file);
  }

  @Test
  void should_keep_cell_ids_of_a_single_model_suite() throws Exception {
    SuiteSpec suite = load("model: {backend: embedded, weights: start.bin}");

    assertThat(suite.models()).extracting(ModelSpec::label).containsExactly("embedded");
    assertThat(suite.cells()).extracting(CellSpec::id).containsExactly("greedy@1", "greedy@2", "sample@1", "sample@2");
  }

  @Test
  void should_expand_a_glob_into_a_series_ordered_by_the_step_in_each_file_name() throws Exception {
    SuiteSpec suite = load("""
        models:
          - {label: start, backend: embedded, weights: start.bin}
          - {series: grpo, backend: embedded, weights: ckpt/step-*.bin}
        base: start""");

    assertThat(suite.models()).extracting(ModelSpec::label)
        .containsExactly("start", "grpo-step50", "grpo-step200", "grpo-step1000");
    assertThat(suite.models()).extracting(ModelSpec::step)
        .containsExactly(Optional.empty(), Optional.of(50L), Optional.of(200L), Optional.of(1000L));
    assertThat(suite.models().get(2).section().string("weights", "")).isEqualTo("ckpt/step-0200.bin");
    assertThat(suite.baseModel()).map(ModelSpec::label).contains("start");
    assertThat(suite.cells()).hasSize(4 * 2 * 2);
    assertThat(suite.cells().get(0).id()).isEqualTo("start/greedy@1");
    assertThat(suite.cells().get(4).id()).isEqualTo("grpo-step50/greedy@1");
    assertThat(suite.seriesCells()).extracting(SeriesCell::id)
        .containsExactly("grpo/greedy@1", "grpo/greedy@2", "grpo/sample@1", "grpo/sample@2");
    assertThat(suite.seriesCells().get(0).cells()).extracting(CellSpec::id)
        .containsExactly("grpo-step50/greedy@1", "grpo-step200/greedy@1", "grpo-step1000/greedy@1");
  }

  @Test
  void should_expand_served_names_with_their_steps() throws Exception {
    SuiteSpec suite = load("""
        models:
          - {label: base, backend: openai, name: q, endpoints: ["http://127.0.0.1:1/v1"]}
          - {series: run, backend: openai, endpoints: ["http://127.0.0.1:1/v1"], names: [a, b], steps: [10, 20]}""");

    assertThat(suite.models()).extracting(ModelSpec::label).containsExactly("base", "run-step10", "run-step20");
    assertThat(suite.models().get(2).section().string("name", "")).isEqualTo("b");
  }

  @Test
  void should_refuse_what_cannot_name_models_with_a_located_line() throws Exception {
    assertThatThrownBy(() -> load("""
        models:
          - {backend: embedded, weights: ckpt/step-*.bin}"""))
        .hasMessage(dir.resolve("s.yaml") + ":5:34: weights: expands into several models: give them a 'series' name");
    assertThatThrownBy(() -> load("""
        models:
          - {series: r, backend: embedded, weights: ckpt/none-*.bin}"""))
        .hasMessageContaining("weights: 'ckpt/none-*.bin' matches no file in");
    assertThatThrownBy(() -> load("""
        models:
          - {label: a, backend: embedded, weights: start.bin}
          - {label: a, backend: embedded, weights: start.bin}"""))
        .hasMessageContaining("label: a second model labelled 'a'");
    assertThatThrownBy(() -> load("""
        models:
          - {label: a, backend: embedded, weights: start.bin}
        base: b"""))
        .hasMessageContaining("base: 'b' is not a model of this suite; models: a");
    assertThatThrownBy(() -> load("""
        models:
          - {backend: embedded, weights: start.bin}"""))
        .hasMessageContaining("label: missing; give each model a label");
  }
}
