package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(Path.of("src/test/resources/suites/resume/arith-resume.yaml"));
    RunDirectory wholeRun = SessionRuns.run(suite, dir.resolve("whole"), Shard.ALL);
    List<MetricRow> whole = wholeRun.readMetrics();
    RunDirectory one = SessionRuns.run(suite, dir.resolve("one"), new Shard(1, 2));
    RunDirectory two = SessionRuns.run(suite, dir.resolve("two"), new Shard(2, 2));

    RunMerge.merge(List.of(two, one), new RunDirectory(dir.resolve("merged")));
    List<MetricRow> merged = new RunDirectory(dir.resolve("merged")).readMetrics();

    assertThat(merged).extracting(MetricRow::key).containsExactlyElementsOf(whole.stream().map(MetricRow::key).toList());
    for (int i = 0; i < whole.size(); i++) {
      assertThat(ResumeAfterKillTest.bits(merged.get(i).value())).containsExactly(ResumeAfterKillTest.bits(whole.get(i).value()));
    }
    assertThat(new RunDirectory(dir.resolve("merged")).readSamples()).hasSameSizeAs(wholeRun.readSamples());
  }

  @Test
  void should_refuse_a_shard_twice_and_write_nothing() throws Exception {
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(Path.of("src/test/resources/suites/engine/arith-engine.yaml"));
    RunDirectory one = SessionRuns.run(suite, dir.resolve("one"), new Shard(1, 2));

    assertThatThrownBy(() -> RunMerge.merge(List.of(one, one),
        new RunDirectory(dir.resolve("merged"))))
        .hasMessageContaining("is in two shards; merge each shard once");
    assertThat(dir.resolve("merged")).doesNotExist();
  }
}
