package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same suite and seed, run twice, writes bit-identical values, intervals and per-item scores to
 * {@code metrics.arrow} (timings and memory are measurements of the machine, not results, and are left out).
 */
class DeterminismTest {
  private static final List<String> MACHINE_MEASUREMENTS = List.of("images-per-second", "peak-memory-mb");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"engine/arith-engine.yaml", "resume/tta-determinism.yaml"})
  void should_write_identical_value_columns_for_the_same_suite_and_seed(String file) throws Exception {
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(Path.of("src/test/resources/suites", file));

    List<MetricRow> first = run(suite, "first");
    List<MetricRow> second = run(suite, "second");

    assertThat(second).hasSameSizeAs(first).isNotEmpty();
    for (int i = 0; i < first.size(); i++) {
      MetricRow a = first.get(i);
      MetricRow b = second.get(i);
      assertThat(b.key()).isEqualTo(a.key());
      if (!MACHINE_MEASUREMENTS.contains(a.metric())) {
        assertThat(ResumeAfterKillTest.bits(b.value(), b.ciLow(), b.ciHigh())).as(a.key())
            .containsExactly(ResumeAfterKillTest.bits(a.value(), a.ciLow(), a.ciHigh()));
        assertThat(b.itemValues()).as(a.key()).containsExactly(a.itemValues());
      }
    }
  }

  private List<MetricRow> run(SuiteSpec suite, String name) throws Exception {
    return SessionRuns.run(suite, dir.resolve(name), Shard.ALL).readMetrics();
  }
}
