package org.entropyharness.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.entropyharness.run.Families;
import org.entropyharness.suite.SuiteLoader;

/**
 * Submits a plan to Slurm: writes the folder's scripts and {@code submission.json}, then the job array and, with
 * {@code --dependency=afterok} on it, the merge job. Failed shards go again with {@link #resubmit} into the same
 * folders, where their finished cells are resumed.
 */
public final class SlurmSubmitter {
  private final Slurm slurm;
  private final Clock clock;

  public SlurmSubmitter(Slurm slurm, Clock clock) {
    this.slurm = slurm;
    this.clock = clock;
  }

  /** The sbatch options that submit the array's given tasks (e.g. {@code 1-4} or {@code 2,3}). */
  public static List<String> arrayOptions(String tasks, SlurmResources resources) {
    return concat(List.of("--array=" + tasks), resources.shardOptions());
  }

  /**
   * The sbatch options of the merge job: it starts when every task of the array succeeded, and Slurm cancels it
   * when one fails (rather than leaving it pending forever).
   */
  public static List<String> mergeOptions(String arrayJobId, SlurmResources resources) {
    return concat(List.of("--dependency=afterok:" + arrayJobId, "--kill-on-invalid-dep=yes"), resources.mergeOptions());
  }

  /** Writes the plan's folder and submits its two jobs. */
  public Submission.Jobs submit(SlurmPlan plan) throws IOException {
    SlurmLayout layout = plan.layout();
    requireNew(layout.dir());
    Files.createDirectories(layout.logs());
    writeScript(layout.shardScript(), SlurmScripts.shard(plan));
    writeScript(layout.mergeScript(), SlurmScripts.merge(plan));
    Submission submission = Submission.of(plan);
    submission.write(layout.submissionFile());
    Submission.Jobs jobs = submitPair(layout, "1-" + plan.shards(), SlurmResources.defaults());
    submission.with(jobs).write(layout.submissionFile());
    return jobs;
  }

  /**
   * Submits some shards of an earlier submission again, with a new merge job; {@code overrides} go on the sbatch
   * command line, where they win over the scripts' {@code #SBATCH} lines (e.g. a longer {@code --time}).
   */
  public Submission.Jobs resubmit(SlurmLayout layout, List<Integer> shards, SlurmResources overrides) throws IOException {
    Submission submission = Submission.read(layout);
    String tasks = tasks(shards, submission.shards());
    requireUnchanged(submission);
    requireEnded(submission);
    Submission.Jobs jobs = submitPair(layout, tasks, overrides);
    submission.with(jobs).write(layout.submissionFile());
    return jobs;
  }

  /** {@code 2,3} from the shard numbers, each checked against the submission's count. */
  public static String tasks(List<Integer> shards, int count) {
    TreeSet<Integer> sorted = new TreeSet<>(shards);
    for (int k : sorted) {
      if (k < 1 || k > count) {
        throw new IllegalArgumentException("--shard-only " + k + ": the submission has shards 1 to " + count);
      }
    }
    return sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private Submission.Jobs submitPair(SlurmLayout layout, String tasks, SlurmResources resources) throws IOException {
    String array = slurm.submit(arrayOptions(tasks, resources), layout.shardScript());
    String merge;
    try {
      merge = slurm.submit(mergeOptions(array, resources), layout.mergeScript());
    } catch (SchedulerException e) {
      throw new SchedulerException(e.getMessage() + "; job array " + array + " was submitted without its merge job:"
          + " cancel it (scancel " + array + ") or submit the merge by hand (sbatch --dependency=afterok:" + array
          + " " + layout.mergeScript() + ")");
    }
    return new Submission.Jobs(array, merge, tasks, clock.instant());
  }

  private static void requireNew(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("--out " + dir + " already holds files; choose a new folder, or submit failed shards"
              + " of the submission there again with --shard-only K");
        }
      }
    }
  }

  /** A shard resumed from another version of its suite file would refuse to run: say so before submitting. */
  private static void requireUnchanged(Submission submission) {
    SuiteLoader loader = new SuiteLoader(Families.ALL);
    for (Submission.Suite suite : submission.suites()) {
      if (!loader.load(Path.of(suite.file())).sha256().equals(suite.sha256())) {
        throw new IllegalArgumentException(suite.file() + " changed since it was submitted; its shards ran the earlier"
            + " version: restore that version, or submit the suite anew with another --out");
      }
    }
  }

  /** Two arrays writing one shard's folder at once would race: every earlier job must have ended. */
  private void requireEnded(Submission submission) throws IOException {
    for (Submission.Jobs earlier : submission.jobs()) {
      for (String job : List.of(earlier.array(), earlier.merge())) {
        List<String> left = slurm.unfinishedTasks(job);
        if (!left.isEmpty()) {
          throw new SchedulerException("job " + job + " of this submission is still queued or running (" + String.join(", ", left)
              + "); submit shards again once it has ended, or cancel it first (scancel " + job + ")");
        }
      }
    }
  }

  private static void writeScript(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
