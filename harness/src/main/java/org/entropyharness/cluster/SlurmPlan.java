package org.entropyharness.cluster;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One submission: which suites, in how many shards, with what resources, run by which command, into which folder.
 *
 * @param layout the submission's folder on the shared filesystem
 * @param suites the suites, each split into {@code shards} parts
 * @param shards number of array tasks; task K runs shard K of every suite
 * @param resources what each job asks Slurm for
 * @param harness the command that starts the harness on a node
 * @param root the project root the jobs run in
 * @param history the history folder the merge job appends the merged runs to, or null for none
 * @param requireBaselines the merge job's gate fails a suite without a baseline file instead of skipping it
 */
public record SlurmPlan(
    SlurmLayout layout, List<ShardedSuite> suites, int shards, SlurmResources resources, NodeCommand harness, Path root,
    Path history, boolean requireBaselines) {
  /** Slurm reads {@code #SBATCH --output=} up to the first whitespace and expands {@code %} patterns in it. */
  private static final Pattern SBATCH_SAFE_PATH = Pattern.compile("[^\\s%'\"\\\\]+");

  public SlurmPlan {
    suites = List.copyOf(suites);
    if (suites.isEmpty()) {
      throw new IllegalArgumentException("no suite to submit; give suite files (*.yaml)");
    }
    Set<String> names = new HashSet<>();
    for (ShardedSuite suite : suites) {
      if (!names.add(suite.name())) {
        throw new IllegalArgumentException(suite.file() + ": a second suite named '" + suite.name()
            + "' in one submission; their shards would share folders, so submit them separately");
      }
    }
    int mostCells = suites.stream().mapToInt(ShardedSuite::cells).max().orElseThrow();
    if (shards < 1 || shards > mostCells) {
      throw new IllegalArgumentException("--shards " + shards + ": the suites have at most " + mostCells
          + " cells, so ask for 1 to " + mostCells + " shards");
    }
    if (!SBATCH_SAFE_PATH.matcher(layout.dir().toString()).matches()) {
      throw new IllegalArgumentException("--out " + layout.dir() + ": Slurm's #SBATCH lines cannot hold a path with"
          + " spaces, quotes, backslashes or %; choose a folder without them");
    }
  }

  /** The job name both jobs share, after the first suite. */
  public String jobName() {
    return "harness-" + suites.get(0).name();
  }

  /**
   * A suite of the submission.
   *
   * @param name suite name (its shards' and merged run's folder name)
   * @param file the suite file, absolute
   * @param sha256 hash of the suite file when submitted; a resumed shard refuses another version
   * @param cells number of cells
   */
  public record ShardedSuite(String name, Path file, String sha256, int cells) {
    public ShardedSuite {
      file = file.toAbsolutePath().normalize();
    }
  }
}
