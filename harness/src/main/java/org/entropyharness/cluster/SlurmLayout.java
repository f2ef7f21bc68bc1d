package org.entropyharness.cluster;

import java.nio.file.Path;

/**
 * The folder of one submission on the shared filesystem:
 *
 * <pre>
 * submission.json           what was submitted: suites, shard count, every job array and merge job
 * shard.sbatch              the job array's script (task K runs shard K of every suite)
 * merge.sbatch              the merge job's script
 * logs/shard-%A_%a.out      one log per array task (%A the array's job id, %a the task)
 * logs/merge-%j.out         the merge job's log
 * shards/K/SUITE/RUN_ID/    shard K's run folder of a suite (resumed when the task runs again)
 * merged/SUITE/             the merged run of a suite, gated and filed by the merge job
 * </pre>
 *
 * @param dir the submission's folder
 */
public record SlurmLayout(Path dir) {
  public SlurmLayout {
    dir = dir.toAbsolutePath().normalize();
  }

  public Path submissionFile() {
    return dir.resolve("submission.json");
  }

  public Path shardScript() {
    return dir.resolve("shard.sbatch");
  }

  public Path mergeScript() {
    return dir.resolve("merge.sbatch");
  }

  public Path logs() {
    return dir.resolve("logs");
  }

  /** The log of one array task. */
  public Path shardLog(String arrayJobId, int shard) {
    return logs().resolve("shard-" + arrayJobId + "_" + shard + ".out");
  }

  /** The merge job's log. */
  public Path mergeLog(String mergeJobId) {
    return logs().resolve("merge-" + mergeJobId + ".out");
  }

  /** Where shard {@code k} puts its run folder of a suite. */
  public Path shardRuns(int k, String suite) {
    return dir.resolve("shards").resolve(Integer.toString(k)).resolve(suite);
  }

  /** The merged run of a suite. */
  public Path merged(String suite) {
    return dir.resolve("merged").resolve(suite);
  }
}
