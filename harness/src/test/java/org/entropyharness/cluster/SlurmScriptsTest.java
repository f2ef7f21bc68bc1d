package org.entropyharness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job scripts, run by bash itself: a stand-in harness command ({@code echo harness}) shows what each script
 * would start, so the shard and merge logic is checked without a cluster.
 */
class SlurmScriptsTest {
  @TempDir Path dir;

  private SlurmPlan plan(SlurmResources resources, NodeCommand harness, Path history) {
    return plan(resources, harness, history, false);
  }

  private SlurmPlan plan(SlurmResources resources, NodeCommand harness, Path history, boolean requireBaselines) {
    return new SlurmPlan(new SlurmLayout(dir.resolve("sub")), List.of(
        new SlurmPlan.ShardedSuite("alpha", Path.of("/suites/alpha.yaml"), "0".repeat(64), 4),
        new SlurmPlan.ShardedSuite("beta", Path.of("/suites/beta.yaml"), "1".repeat(64), 2)),
        3, resources, harness, dir, history, requireBaselines);
  }

  private SlurmPlan echoing(Path history) {
    return plan(SlurmResources.defaults(), new NodeCommand(List.of("echo", "harness")), history);
  }

  @Test
  void should_ask_for_gpus_on_the_array_tasks_only() {
    SlurmPlan plan = plan(new SlurmResources("gpu", "2:00:00", "a100:2", 8, List.of("--account=lab")),
        new NodeCommand(List.of("java")), null);
    String logs = dir.resolve("sub/logs").toString();

    assertThat(directives(SlurmScripts.shard(plan))).containsExactly("--job-name=harness-alpha", "--array=1-3",
        "--output=" + logs + "/shard-%A_%a.out", "--partition=gpu", "--time=2:00:00", "--cpus-per-task=8",
        "--gres=gpu:a100:2", "--account=lab");
    assertThat(directives(SlurmScripts.merge(plan))).containsExactly("--job-name=harness-alpha-merge",
        "--output=" + logs + "/merge-%j.out", "--partition=gpu", "--time=2:00:00", "--account=lab");
  }

  @Test
  void should_hand_every_word_of_the_harness_command_to_the_node_unchanged() throws Exception {
    List<String> words = List.of("/opt/jdk 17/bin/java", "-Dquote=it's", "-Dvars=$HOME ${X} `id` $(id)", "-cp", "a:b\\c");
    String script = SlurmScripts.shard(plan(SlurmResources.defaults(), new NodeCommand(words), null));
    String block = script.substring(script.indexOf("harness=("), script.indexOf("\n)\n") + 3);

    String printed = bash(block + "printf '%s\\n' \"${harness[@]}\"", Map.of());

    assertThat(printed.lines().toList()).isEqualTo(words);
  }

  @Test
  void should_start_each_suite_shard_of_the_task_and_resume_it_when_its_run_folder_exists() throws Exception {
    Path script = write("shard.sbatch", SlurmScripts.shard(echoing(null)));
    Path runs = dir.resolve("sub/shards/2");

    assertThat(bash(script, Map.of("SLURM_ARRAY_TASK_ID", "2"))).contains(
        "harness run /suites/alpha.yaml --shard 2/3 --runs " + runs.resolve("alpha") + "\n",
        "harness run /suites/beta.yaml --shard 2/3 --runs " + runs.resolve("beta") + "\n");

    Files.createDirectories(runs.resolve("beta/beta-20261201T000000-shard2of3")); // killed before its manifest
    runFolder(runs.resolve("alpha/alpha-20261201T000000-shard2of3"));
    assertThat(bash(script, Map.of("SLURM_ARRAY_TASK_ID", "2"))).contains(
        "harness run /suites/alpha.yaml --shard 2/3 --resume " + runs.resolve("alpha/alpha-20261201T000000-shard2of3") + "\n",
        "harness run /suites/beta.yaml --shard 2/3 --runs " + runs.resolve("beta") + "\n");
  }

  @Test
  void should_merge_gate_and_file_each_suite_whose_shards_all_left_a_run_folder() throws Exception {
    Path script = write("merge.sbatch", SlurmScripts.merge(echoing(dir.resolve("history"))));
    Path sub = dir.resolve("sub");
    for (int k = 1; k <= 3; k++) {
      runFolder(sub.resolve("shards/" + k + "/alpha/alpha-run" + k));
    }
    runFolder(sub.resolve("shards/1/beta/beta-run1"));
    Files.createDirectories(sub.resolve("shards/2/beta/beta-run2")); // killed before its manifest: not a run

    Process merge = start(script, Map.of());
    String printed = output(merge);

    assertThat(merge.exitValue()).isEqualTo(1);
    assertThat(printed).isEqualTo("alpha: merging 3 shards\n"
        + "harness merge " + sub.resolve("shards/1/alpha/alpha-run1") + " " + sub.resolve("shards/2/alpha/alpha-run2") + " "
        + sub.resolve("shards/3/alpha/alpha-run3") + " --out " + sub.resolve("merged/alpha") + "\n"
        + "harness gate " + sub.resolve("merged/alpha") + "\n"
        + "harness history append " + sub.resolve("merged/alpha") + " --history " + dir.resolve("history") + "\n"
        + "beta: only 1 of 3 shards left a run folder under " + sub.resolve("shards") + "/K/beta; resubmit the others with --shard-only\n");
  }

  @Test
  void should_pass_require_baselines_to_the_merge_jobs_gate() throws Exception {
    SlurmPlan plan = plan(SlurmResources.defaults(), new NodeCommand(List.of("echo", "harness")), null, true);
    Path script = write("merge.sbatch", SlurmScripts.merge(plan));
    Path sub = dir.resolve("sub");
    for (int k = 1; k <= 3; k++) {
      runFolder(sub.resolve("shards/" + k + "/alpha/alpha-run" + k));
    }

    String printed = output(start(script, Map.of()));

    assertThat(printed.lines()).contains("harness gate " + sub.resolve("merged/alpha") + " --require-baselines");
  }

  @Test
  void should_be_scripts_bash_can_parse() throws Exception {
    SlurmPlan plan = echoing(dir.resolve("history"));
    for (String script : List.of(SlurmScripts.shard(plan), SlurmScripts.merge(plan))) {
      Process check = new ProcessBuilder("bash", "-n", write("check.sh", script).toString()).redirectErrorStream(true).start();
      assertThat(output(check)).isEmpty();
      assertThat(check.exitValue()).isZero();
    }
  }

  /** A run folder as a run leaves it from its start: with a manifest. */
  private static void runFolder(Path folder) throws Exception {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("manifest.json"), "{}");
  }

  private static List<String> directives(String script) {
    return script.lines().filter(l -> l.startsWith("#SBATCH ")).map(l -> l.substring("#SBATCH ".length())).toList();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private String bash(String code, Map<String, String> env) throws Exception {
    return bash(write("snippet.sh", code), env);
  }

  private String bash(Path script, Map<String, String> env) throws Exception {
    return output(start(script, env));
  }

  private static Process start(Path script, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.start();
  }

  private static String output(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
