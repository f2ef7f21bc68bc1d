package org.entropyharness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What each job asks Slurm for. Null fields leave Slurm's defaults (those of the partition). The values go on
 * {@code #SBATCH} lines, which Slurm splits at whitespace, so no value may hold any.
 *
 * @param partition partition ({@code --partition}), or null
 * @param time wall-time limit per job in a Slurm format ({@code --time}: minutes, HH:MM:SS, D-HH:MM…), or null
 * @param gpusPerShard GPUs each array task gets, {@code G} or {@code TYPE:G} ({@code --gres=gpu:G}, {@code --gres=gpu:a100:2}),
 *     or null for none
 * @param cpusPerShard CPUs each array task gets ({@code --cpus-per-task}), or null for Slurm's default (1)
 * @param extra further sbatch options for both jobs, e.g. {@code --account=lab}
 */
public record SlurmResources(String partition, String time, String gpusPerShard, Integer cpusPerShard, List<String> extra) {
  private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d+){0,2}|UNLIMITED|INFINITE");
  private static final Pattern GPUS = Pattern.compile("([A-Za-z0-9_.-]+:)?[1-9]\\d*");
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*(=\\S+)?");

  public SlurmResources {
    extra = List.copyOf(extra);
    if (partition != null && !PARTITION.matcher(partition).matches()) {
      throw new IllegalArgumentException("--partition '" + partition + "' is not a partition name (letters, digits, . _ -); see sinfo -s");
    }
    if (time != null && !TIME.matcher(time).matches()) {
      throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time; write minutes, HH:MM:SS or D-HH:MM:SS, e.g. 2:00:00");
    }
    if (gpusPerShard != null && !GPUS.matcher(gpusPerShard).matches()) {
      throw new IllegalArgumentException("--gpus-per-shard '" + gpusPerShard + "' is not G or TYPE:G with G at least 1,"
          + " e.g. 2 or a100:2; leave it out for CPU-only shards");
    }
    if (cpusPerShard != null && cpusPerShard < 1) {
      throw new IllegalArgumentException("--cpus-per-shard " + cpusPerShard + " must be at least 1");
    }
    for (String option : extra) {
      if (!OPTION.matcher(option).matches()) {
        throw new IllegalArgumentException("--sbatch-option '" + option + "' is not --name or --name=value without spaces,"
            + " e.g. --account=lab");
      }
    }
  }

  /** No requests: Slurm's defaults. */
  public static SlurmResources defaults() {
    return new SlurmResources(null, null, null, null, List.of());
  }

  /** The sbatch options of an array task. */
  public List<String> shardOptions() {
    List<String> options = common();
    if (cpusPerShard != null) {
      options.add("--cpus-per-task=" + cpusPerShard);
    }
    if (gpusPerShard != null) {
      options.add("--gres=gpu:" + gpusPerShard);
    }
    options.addAll(extra);
    return options;
  }

  /** The sbatch options of the merge job: no GPUs and one CPU, it only copies and compares Arrow files. */
  public List<String> mergeOptions() {
    List<String> options = common();
    options.addAll(extra);
    return options;
  }

  private List<String> common() {
    List<String> options = new ArrayList<>();
    if (partition != null) {
      options.add("--partition=" + partition);
    }
    if (time != null) {
      options.add("--time=" + time);
    }
    return options;
  }
}
