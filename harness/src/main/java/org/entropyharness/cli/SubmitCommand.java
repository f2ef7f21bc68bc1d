package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.cluster.NodeCommand;
import org.entropyharness.cluster.Slurm;
import org.entropyharness.cluster.SlurmLayout;
import org.entropyharness.cluster.SlurmPlan;
import org.entropyharness.cluster.SlurmResources;
import org.entropyharness.cluster.SlurmScripts;
import org.entropyharness.cluster.SlurmSubmitter;
import org.entropyharness.cluster.Submission;
import org.entropyharness.run.Families;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness submit --slurm}: runs suites across a cluster as one Slurm job array and a dependent merge job. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = {
    "Runs suites across a Slurm cluster: a job array with one task per shard (task K runs `harness run --shard K/N`),"
        + " then a job that merges the shards, gates the merged run and, with --history, appends it to the history.",
    "Needs the same checkout, JDK and paths on every node (a shared filesystem), and an --out folder every node can write."})
final class SubmitCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_SHARDS = 4;

  @Parameters(arity = "0..*", paramLabel = "SUITE", description = "Suite files (*.yaml).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--slurm", description = "Submit to Slurm with sbatch (the one scheduler so far).")
  boolean slurm;

  @Option(names = "--shards", paramLabel = "N", description = "Array tasks; task K runs shard K/N of every suite (default " + DEFAULT_SHARDS + ").")
  Integer shards;

  @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
  String partition;

  @Option(names = "--gpus-per-shard", paramLabel = "G", description = "GPUs per array task, G or TYPE:G, requested as --gres=gpu:G.")
  String gpusPerShard;

  @Option(names = "--cpus-per-shard", paramLabel = "C", description = "CPUs per array task (--cpus-per-task).")
  Integer cpusPerShard;

  @Option(names = "--time", paramLabel = "T", description = "Wall-time limit per job, e.g. 2:00:00 or 1-00:00:00.")
  String time;

  @Option(names = "--sbatch-option", paramLabel = "OPT", description = "Another sbatch option for both jobs, e.g. --account=lab (repeatable).")
  List<String> sbatchOptions = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "The submission's folder on the shared filesystem: scripts,"
      + " logs/, shards/, merged/ (default: <project>/reports/slurm/<suite>-<time>).")
  Path out;

  @Option(names = "--history", paramLabel = "DIR", description = "Append the merged runs to this nightly history folder.")
  Path history;

  @Option(names = "--shard-only", split = ",", paramLabel = "K", description = "Submit these shards of the submission in"
      + " --out again (e.g. 2,5), resuming their finished cells, with a new merge job.")
  List<Integer> shardOnly;

  @Option(names = "--require-baselines", description = "The merge job's gate fails a suite without a baseline file"
      + " instead of skipping it (as harness run --require-baselines).")
  boolean requireBaselines;

  @Option(names = "--dry-run", description = "Print the job scripts and sbatch commands; write and submit nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!slurm) {
      throw new IllegalArgumentException("choose the scheduler: --slurm (Slurm job arrays, the one supported so far)");
    }
    SlurmResources resources = new SlurmResources(partition, time, gpusPerShard, cpusPerShard, sbatchOptions);
    return shardOnly != null ? resubmit(resources) : submit(resources);
  }

  private int submit(SlurmResources resources) throws IOException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("give suite files (*.yaml) to submit, or --shard-only K with the --out folder"
          + " of an earlier submission");
    }
    SlurmPlan plan = plan(resources);
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.println("# " + plan.layout().shardScript());
      out.println(SlurmScripts.shard(plan));
      out.println("# " + plan.layout().mergeScript());
      out.println(SlurmScripts.merge(plan));
      printCommands(plan.layout(), "1-" + plan.shards(), SlurmResources.defaults());
      return 0;
    }
    Slurm tools = Slurm.onPath(System.getenv("PATH"));
    Submission.Jobs jobs = new SlurmSubmitter(tools, Clock.systemUTC()).submit(plan);
    printSubmitted(plan.layout(), jobs, plan.shards(), plan.suites().stream().map(SlurmPlan.ShardedSuite::name).toList());
    return 0;
  }

  private int resubmit(SlurmResources resources) throws IOException {
    if (!files.isEmpty() || shards != null || history != null) {
      throw new IllegalArgumentException("--shard-only takes no suite files, --shards or --history: the submission in"
          + " --out keeps the ones it was made with");
    }
    if (out == null) {
      throw new IllegalArgumentException("--shard-only needs --out, the folder of the earlier submission");
    }
    SlurmLayout layout = new SlurmLayout(out);
    Submission submission = Submission.read(layout);
    String tasks = SlurmSubmitter.tasks(shardOnly, submission.shards());
    if (dryRun) {
      printCommands(layout, tasks, resources);
      return 0;
    }
    Slurm tools = Slurm.onPath(System.getenv("PATH"));
    Submission.Jobs jobs = new SlurmSubmitter(tools, Clock.systemUTC()).resubmit(layout, shardOnly, resources);
    printSubmitted(layout, jobs, submission.shards(), submission.suites().stream().map(Submission.Suite::name).toList());
    return 0;
  }

  private SlurmPlan plan(SlurmResources resources) {
    SuiteLoader loader = new SuiteLoader(Families.ALL);
    List<SlurmPlan.ShardedSuite> suites = new ArrayList<>();
    for (Path file : files) {
      SuiteSpec suite = loader.load(file);
      Families.of(suite).check(suite);
      SuiteSession.skipReason(suite).ifPresent(reason -> spec.commandLine().getErr().println(
          "note: " + suite.name() + " would be skipped here (" + reason + "); the nodes need what it needs"));
      suites.add(new SlurmPlan.ShardedSuite(suite.name(), file, suite.sha256(), suite.cells().size()));
    }
    HarnessPaths paths = HarnessPaths.fromEnvironment();
    Path dir = out != null ? out : paths.root().resolve("reports").resolve("slurm")
        .resolve(suites.get(0).name() + "-" + STAMP.format(Clock.systemUTC().instant()));
    NodeCommand harness = NodeCommand.ofThisJvm(HarnessCommand.class.getName(), paths.root());
    return new SlurmPlan(new SlurmLayout(dir), suites, shards != null ? shards : DEFAULT_SHARDS, resources, harness,
        paths.root(), history, requireBaselines);
  }

  private void printCommands(SlurmLayout layout, String tasks, SlurmResources resources) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("# dry run: nothing written, nothing submitted; without --dry-run harness submit runs");
    out.println("#   sbatch --parsable " + String.join(" ", SlurmSubmitter.arrayOptions(tasks, resources)) + " " + layout.shardScript());
    out.println("#   sbatch --parsable " + String.join(" ", SlurmSubmitter.mergeOptions("<array job id>", resources))
        + " " + layout.mergeScript());
  }

  private void printSubmitted(SlurmLayout layout, Submission.Jobs jobs, int count, List<String> suites) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("submitted job array " + jobs.array() + " (shards " + jobs.tasks() + " of " + count + ") and merge job "
        + jobs.merge() + " (starts when every shard succeeded)");
    out.println("  folder: " + layout.dir());
    out.println("  logs:   " + layout.logs().resolve("shard-" + jobs.array() + "_K.out") + ", " + layout.mergeLog(jobs.merge()));
    suites.forEach(s -> out.println("  merged: " + layout.merged(s)));
    out.println("  follow: squeue -j " + jobs.array() + "," + jobs.merge());
    out.println("  a failed shard K goes again with: harness submit --slurm --out " + layout.dir() + " --shard-only K");
  }
}
