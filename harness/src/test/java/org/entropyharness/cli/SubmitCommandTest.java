package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness submit}: what it prints on a dry run, and the one line it fails with before writing anything. */
class SubmitCommandTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/engine/arith-engine.yaml").toAbsolutePath();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int submit(String... args) {
    List<String> all = new ArrayList<>(List.of("submit"));
    all.addAll(List.of(args));
    return HarnessCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
  }

  @Test
  void should_print_both_scripts_and_the_sbatch_commands_on_a_dry_run_and_write_nothing() {
    Path sub = dir.resolve("sub");

    int code = submit(SUITE.toString(), "--slurm", "--shards", "2", "--out", sub.toString(), "--gpus-per-shard", "1", "--dry-run");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("# " + sub.resolve("shard.sbatch") + "\n#!/usr/bin/env bash\n",
        "#SBATCH --array=1-2\n", "#SBATCH --gres=gpu:1\n", "run_shard 'arith-engine' '" + SUITE + "'\n",
        "# " + sub.resolve("merge.sbatch") + "\n#!/usr/bin/env bash\n", "merge_suite 'arith-engine'\n",
        "#   sbatch --parsable --array=1-2 " + sub.resolve("shard.sbatch") + "\n",
        "#   sbatch --parsable --dependency=afterok:<array job id> --kill-on-invalid-dep=yes " + sub.resolve("merge.sbatch") + "\n");
    assertThat(sub).doesNotExist();
  }

  @Test
  void should_ask_for_the_scheduler() {
    assertThat(submit(SUITE.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("harness: choose the scheduler: --slurm (Slurm job arrays, the one supported so far)\n");
  }

  @Test
  void should_refuse_more_shards_than_cells() {
    assertThat(submit(SUITE.toString(), "--slurm", "--shards", "3", "--out", dir.resolve("sub").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("harness: --shards 3: the suites have at most 2 cells, so ask for 1 to 2 shards\n");
    assertThat(dir.resolve("sub")).doesNotExist();
  }

  @Test
  void should_resubmit_shards_only_into_an_earlier_submission() {
    assertThat(submit("--slurm", "--shard-only", "2")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("harness: --shard-only needs --out, the folder of the earlier submission\n");

    assertThat(submit("--slurm", "--shard-only", "2", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).endsWith("harness: " + dir + " holds no submission.json; --shard-only submits shards again"
        + " into the --out folder of an earlier harness submit --slurm\n");
  }

  @Test
  void should_say_in_one_line_that_sbatch_is_missing_and_write_nothing() throws Exception {
    Path sub = dir.resolve("sub");
    List<String> command =
        ChildHarness.command("submit", SUITE.toString(), "--slurm", "--shards", "2", "--out", sub.toString());
    // Without the incubating Vector API (submit does not use it), whose JVM warning would be a second stderr line.
    command.remove("--add-modules=jdk.incubator.vector");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", dir.resolve("no-slurm-here").toString());
    Process child = builder.start();
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(2);
    assertThat(stderr).isEqualTo("harness: sbatch not found on PATH: submit from a machine of the Slurm cluster (a login node),"
        + " or add --dry-run to print the job scripts\n");
    assertThat(sub).doesNotExist();
  }
}
