package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite over checkpoints, end to end on the embedded model. The "checkpoints" are the shipped model with its output
 * layer multiplied by 0.6, 1 and 1.6 — the same as sampling at temperatures 1/0.6, 1 and 1/1.6 — so what each metric
 * must show follows from the construction: policy entropy falls as the scale grows (the entropy of softmax(s·z)
 * decreases in s), and the checkpoint at scale 1 is the base model itself (same traces: crossover at k = 1, every
 * forking position shared).
 */
class CheckpointSuiteTest {
  @TempDir static Path dir;
  private static List<MetricRow> rows;
  private static List<SampleRow> samples;

  @BeforeAll
  static void run() throws Exception {
    CheckpointFixture.write(dir, 0.6, 1.0, 1.6);
    Path file = dir.resolve("checkpoints.yaml");
    Files.writeString(file, """
        suite: checkpoints
        family: reasoning
        dataset: {name: arith, levels: [1, 3], per-level: 5, seed: 5}
        models:
          - {label: start, backend: embedded, weights: start.bin}
          - {series: scaled, backend: embedded, weights: ckpt/step-*.bin}
        base: start
        protocol: {max-tokens: 48}
        methods:
          - sample: {temperature: 1.0, n: 8}
        metrics: [accuracy, pass@1, pass@8, g-pass@8:0.5, policy-entropy, tokens, crossover-k, forking-share,
                  forking-overlap, entropy-law]
        gates:
          - {metric: policy-entropy, worse-by-at-most: 0.05}
          - {metric: entropy-law-ceiling, worse-by-at-most: 5pp}
        """);
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(file);
    RunDirectory run = SessionRuns.run(suite, dir.resolve("runs"), Shard.ALL);
    rows = run.readMetrics();
    samples = run.readSamples();
  }

  private static Optional<MetricRow> row(String cell, String metric) {
    return rows.stream().filter(r -> r.cellId().equals(cell) && r.metric().equals(metric) && r.slice().equals("all"))
        .findFirst();
  }

  @Test
  void should_name_rows_and_samples_by_model_series_and_step() {
    MetricRow start = row("start/sample@1", "accuracy").orElseThrow();
    MetricRow second = row("scaled-step200/sample@1", "accuracy").orElseThrow();

    assertThat(start.modelRef().label()).isEqualTo("start");
    assertThat(start.modelRef().series()).isNull();
    assertThat(second.modelRef().series()).isEqualTo("scaled");
    assertThat(second.modelRef().step()).isEqualTo(200L);
    assertThat(samples).filteredOn(s -> s.cellId().equals("scaled-step300/sample@1"))
        .isNotEmpty().allSatisfy(s -> assertThat(s.modelRef().step()).isEqualTo(300L));
  }

  @Test
  void should_measure_policy_entropy_that_falls_as_the_output_scale_grows() {
    double flat = row("scaled-step100/sample@1", "policy-entropy").orElseThrow().value();
    double same = row("scaled-step200/sample@1", "policy-entropy").orElseThrow().value();
    double sharp = row("scaled-step300/sample@1", "policy-entropy").orElseThrow().value();
    MetricRow base = row("start/sample@1", "policy-entropy").orElseThrow();

    assertThat(flat).isGreaterThan(same);
    assertThat(same).isGreaterThan(sharp);
    assertThat(same).isEqualTo(base.value());
    assertThat(base.provenance()).startsWith("exact T=1");
  }

  @Test
  void should_compare_every_checkpoint_with_the_base_and_the_identical_one_exactly() {
    assertThat(row("start/sample@1", "crossover-k")).isEmpty();
    assertThat(row("scaled-step200/sample@1", "crossover-k").orElseThrow().value()).isEqualTo(1.0);
    assertThat(row("scaled-step200/sample@1", "forking-overlap").orElseThrow().value()).isEqualTo(1.0);
    assertThat(row("scaled-step200/sample@1", "forking-share").orElseThrow().value()).isBetween(0.2, 0.35);
    MetricRow sharpShare = row("scaled-step300/sample@1", "forking-share").orElseThrow();
    assertThat(sharpShare.provenance()).contains("80-th percentile of start's token entropies");
    assertThat(sharpShare.value()).isLessThan(row("scaled-step100/sample@1", "forking-share").orElseThrow().value());
  }

  @Test
  void should_fit_the_entropy_law_of_the_series_as_rows_of_the_series() {
    MetricRow a = row("scaled/sample@1", "entropy-law-a").orElseThrow();
    MetricRow b = row("scaled/sample@1", "entropy-law-b").orElseThrow();
    MetricRow ceiling = row("scaled/sample@1", "entropy-law-ceiling").orElseThrow();

    assertThat(ceiling.value()).isCloseTo(b.value() - a.value(), within(1e-9));
    assertThat(ceiling.modelRef().series()).isEqualTo("scaled");
    assertThat(ceiling.provenance()).contains("over 3 checkpoints of scaled");
  }

  @Test
  void should_measure_g_pass_and_the_response_length() {
    MetricRow g = row("start/sample@1", "g-pass@8:0.5").orElseThrow();
    MetricRow pass1 = row("start/sample@1", "pass@1").orElseThrow();
    MetricRow pass8 = row("start/sample@1", "pass@8").orElseThrow();

    // G-Pass@k at tau lies between "all k right" and pass@k; with tau = 1/2 it is at most pass@8.
    assertThat(g.value()).isLessThanOrEqualTo(pass8.value());
    assertThat(pass1.value()).isLessThanOrEqualTo(pass8.value());
    assertThat(row("start/sample@1", "tokens").orElseThrow().value()).isPositive();
  }
}
