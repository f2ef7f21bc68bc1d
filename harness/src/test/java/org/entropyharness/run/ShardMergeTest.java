package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunMerge;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run as shards and merged has the metric rows of the same suite run in one piece, in the same order. */
class ShardMergeTest {
  @TempDir Path dir;

  @Test
  void should_merge_shards_into_the_rows_of_an_unsharded_run() throws Exception {
    SuiteSpec suite = new SuiteLoader(MethodRegistry.INSTANCE).load(Path.of("src/test/resources/suites/resume/arith-resume.yaml"));
    List<MetricRow> whole = run(suite, "whole", Shard.ALL);
    run(suite, "one", new Shard(1, 2));
    run(suite, "two", new Shard(2, 2));

    RunMerge.merge(List.of(new RunDirectory(dir.resolve("two")), new RunDirectory(dir.resolve("one"))),
        new RunDirectory(dir.resolve("merged")));
    List<MetricRow> merged = new RunDirectory(dir.resolve("merged")).readMetrics();

    assertThat(merged).extracting(MetricRow::key).containsExactlyElementsOf(whole.stream().map(MetricRow::key).toList());
    for (int i = 0; i < whole.size(); i++) {
      assertThat(ResumeAfterKillTest.bits(merged.get(i).value())).containsExactly(ResumeAfterKillTest.bits(whole.get(i).value()));
    }
    assertThat(new RunDirectory(dir.resolve("merged")).readSamples()).hasSameSizeAs(new RunDirectory(dir.resolve("whole")).readSamples());
  }

  @Test
  void should_refuse_a_shard_twice_and_write_nothing() throws Exception {
    SuiteSpec suite = new SuiteLoader(MethodRegistry.INSTANCE).load(Path.of("src/test/resources/suites/engine/arith-engine.yaml"));
    run(suite, "one", new Shard(1, 2));

    assertThatThrownBy(() -> RunMerge.merge(List.of(new RunDirectory(dir.resolve("one")), new RunDirectory(dir.resolve("one"))),
        new RunDirectory(dir.resolve("merged"))))
        .hasMessageContaining("is in two shards; merge each shard once");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  private List<MetricRow> run(SuiteSpec suite, String name, Shard shard) throws Exception {
    RunDirectory out = new RunDirectory(Files.createDirectories(dir.resolve(name)));
    try (CellRunner runner = CellRunners.open(suite)) {
      return new SuiteExecution(suite, out, shard, Clock.systemUTC()).execute(runner, RunProgress.silent());
    }
  }
}
