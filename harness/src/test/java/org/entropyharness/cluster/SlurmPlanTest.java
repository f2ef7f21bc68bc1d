package org.entropyharness.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan or resource request Slurm could not run is refused before anything is written, with the fix. */
class SlurmPlanTest {
  private static final NodeCommand JAVA = new NodeCommand(List.of("java"));

  private static SlurmPlan.ShardedSuite suite(String name, int cells) {
    return new SlurmPlan.ShardedSuite(name, Path.of("/suites/" + name + ".yaml"), "0".repeat(64), cells);
  }

  private static SlurmPlan plan(Path out, int shards, SlurmPlan.ShardedSuite... suites) {
    return new SlurmPlan(new SlurmLayout(out), List.of(suites), shards, SlurmResources.defaults(), JAVA, Path.of("/p"), null, false);
  }

  @Test
  void should_refuse_more_shards_than_the_largest_suite_has_cells() {
    assertThatThrownBy(() -> plan(Path.of("/shared/sub"), 6, suite("a", 5), suite("b", 2)))
        .hasMessage("--shards 6: the suites have at most 5 cells, so ask for 1 to 5 shards");
  }

  @Test
  void should_refuse_two_suites_of_one_name() {
    assertThatThrownBy(() -> plan(Path.of("/shared/sub"), 2, suite("a", 5), new SlurmPlan.ShardedSuite("a", Path.of("/other/a.yaml"), "1".repeat(64), 3)))
        .hasMessage("/other/a.yaml: a second suite named 'a' in one submission; their shards would share folders, so submit them separately");
  }

  @Test
  void should_refuse_a_folder_an_sbatch_line_cannot_hold() {
    assertThatThrownBy(() -> plan(Path.of("/shared/my runs"), 2, suite("a", 5)))
        .hasMessage("--out /shared/my runs: Slurm's #SBATCH lines cannot hold a path with spaces, quotes, backslashes or %; choose a folder without them");
  }

  @Test
  void should_refuse_a_time_slurm_would_not_read() {
    assertThatThrownBy(() -> new SlurmResources(null, "2h", null, null, List.of()))
        .hasMessage("--time '2h' is not a Slurm time; write minutes, HH:MM:SS or D-HH:MM:SS, e.g. 2:00:00");
  }

  @Test
  void should_refuse_an_sbatch_option_with_spaces() {
    assertThatThrownBy(() -> new SlurmResources(null, null, null, null, List.of("--comment=two words")))
        .hasMessage("--sbatch-option '--comment=two words' is not --name or --name=value without spaces, e.g. --account=lab");
  }

  @Test
  void should_refuse_zero_gpus() {
    assertThatThrownBy(() -> new SlurmResources(null, null, "a100:0", null, List.of()))
        .hasMessage("--gpus-per-shard 'a100:0' is not G or TYPE:G with G at least 1, e.g. 2 or a100:2; leave it out for CPU-only shards");
  }
}
