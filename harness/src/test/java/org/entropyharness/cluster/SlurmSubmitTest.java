package org.entropyharness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entropyharness.cli.ChildHarness;
import org.entropyharness.run.Families;
import org.entropyharness.run.SessionRuns;
import org.entropyharness.run.Shard;
import org.entropyharness.store.History;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness submit --slurm} on a real single-node Slurm cluster (slurmctld and slurmd on this machine): a
 * 4-cell suite as a 3-task job array and a dependent merge job, whose merged run must equal the same suite run in
 * one piece. Skipped, with the reason, where the cluster cannot start (no slurm-wlm or munge, not root).
 */
@Tag("slurm")
class SlurmSubmitTest {
  private static final Path ROOT = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath().normalize();
  private static final Path SUITE = Path.of("src/test/resources/suites/slurm/arith-slurm.yaml").toAbsolutePath();
  private static final long WAIT_SECONDS = 300;

  @TempDir Path dir;
  private final Map<Process, Path> printedBy = new HashMap<>();

  @Test
  void should_merge_a_three_shard_job_array_into_the_unsharded_run_and_resume_a_shard_submitted_again() throws Exception {
    SingleNodeSlurm slurm = SingleNodeSlurm.startOrSkip(ROOT);
    Path out = dir.resolve("submission");
    Path history = dir.resolve("history");
    Process submit = submit(slurm, "submit", SUITE.toString(), "--slurm", "--shards", "3", "--out", out.toString(),
        "--history", history.toString());
    RunDirectory whole = runUnsharded(); // meanwhile, in this JVM

    Jobs first = Jobs.printed(finished(submit), "1-3");
    awaitSuccess(slurm, out, first, 3);
    List<MetricRow> expected = whole.readMetrics();
    assertMergedEquals(out, whole);
    assertThat(Files.readString(out.resolve("logs/merge-" + first.merge() + ".out")))
        .contains("gate arith-slurm greedy@1 ", "gate arith-slurm deepconf@1 ");
    assertThat(new History(history).nights()).singleElement().satisfies(night -> assertThat(night.rows())
        .extracting(MetricRow::key).containsExactlyElementsOf(expected.stream().map(MetricRow::key).toList()));

    // As if task 1 had been killed before its last cell (deepconf) finished: submitted alone, it resumes greedy.
    forgetCell(out.resolve("shards/1/arith-slurm"), "deepconf@1");
    Jobs again = Jobs.printed(finished(submit(slurm, "submit", "--slurm", "--out", out.toString(), "--shard-only", "1")), "1");
    awaitSuccess(slurm, out, again, 1);
    assertThat(Files.readString(out.resolve("logs/shard-" + again.array() + "_1.out")))
        .contains("greedy@1 already done (resumed)", "deepconf@1 done in");
    assertMergedEquals(out, whole);
  }

  private RunDirectory runUnsharded() throws Exception {
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(SUITE);
    return SessionRuns.run(suite, Files.createDirectories(dir.resolve("whole")), Shard.ALL);
  }

  /** Same metric rows in the same cell order, bit for bit, and the same samples. */
  private static void assertMergedEquals(Path out, RunDirectory whole) throws Exception {
    RunDirectory merged = new RunDirectory(out.resolve("merged/arith-slurm"));
    List<MetricRow> expected = whole.readMetrics();
    List<MetricRow> actual = merged.readMetrics();
    assertThat(actual).extracting(MetricRow::key).containsExactlyElementsOf(expected.stream().map(MetricRow::key).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertSameMeasurement(actual.get(i), expected.get(i));
    }
    assertThat(merged.readSamples()).extracting(SlurmSubmitTest::exactly).containsExactlyElementsOf(
        whole.readSamples().stream().map(SlurmSubmitTest::exactly).toList());
  }

  /** Removes a finished cell from a shard's run folder, the state a task killed before that cell leaves. */
  private static void forgetCell(Path shardRuns, String cellId) throws Exception {
    Path run;
    try (Stream<Path> runs = Files.list(shardRuns)) {
      run = runs.findFirst().orElseThrow();
    }
    Files.delete(run.resolve("cells/" + cellId + ".metrics.arrow"));
    Files.delete(run.resolve("cells/" + cellId + ".samples.arrow"));
  }

  /** Bit-for-bit the same value, interval, per-item scores and fingerprint (NaN included). */
  private static void assertSameMeasurement(MetricRow actual, MetricRow expected) {
    String key = expected.key();
    assertThat(actual.key()).isEqualTo(key);
    assertThat(bits(actual.value(), actual.ciLow(), actual.ciHigh())).as(key).containsExactly(bits(expected.value(), expected.ciLow(), expected.ciHigh()));
    assertThat(actual.n()).as(key).isEqualTo(expected.n());
    assertThat(actual.failed()).as(key).isEqualTo(expected.failed());
    assertThat(actual.provenance()).as(key).isEqualTo(expected.provenance());
    assertThat(actual.fingerprint()).as(key).isEqualTo(expected.fingerprint());
    assertThat(actual.itemIds()).as(key).isEqualTo(expected.itemIds());
    assertThat(bits(actual.itemValues())).as(key).containsExactly(bits(expected.itemValues()));
  }

  /** A sample as text that tells every value apart: doubles and floats print their shortest exact form. */
  private static String exactly(SampleRow sample) {
    return sample.toString().replaceFirst("tokenEntropies=\\[F@\\p{XDigit}+", "tokenEntropies=" + Arrays.toString(sample.tokenEntropies()));
  }

  private static long[] bits(double... values) {
    return Arrays.stream(values).mapToLong(Double::doubleToLongBits).toArray();
  }

  /** {@code harness submit} in a JVM of its own, as on a login node, with the cluster's SLURM_CONF. */
  private Process submit(SingleNodeSlurm slurm, String... args) throws Exception {
    List<String> command = ChildHarness.command(args);
    Path printed = Files.createTempFile(dir, "submit", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile());
    builder.environment().put("SLURM_CONF", slurm.conf().toString());
    Process process = builder.start();
    printedBy.put(process, printed);
    return process;
  }

  private String finished(Process submit) throws Exception {
    assertThat(submit.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(printedBy.get(submit));
    assertThat(submit.exitValue()).as(printed).isZero();
    return printed;
  }

  /** Polls squeue until neither job has a task queued or running (cancels both and fails after a timeout); then
   * every task and the merge job must have completed. */
  private static void awaitSuccess(SingleNodeSlurm slurm, Path out, Jobs jobs, int tasks) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!slurm.unfinished(jobs.array(), jobs.merge()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        slurm.cancel(jobs.array(), jobs.merge());
        fail("jobs " + jobs + " still queued or running after " + WAIT_SECONDS + " s; cancelled.\n" + logs(out));
      }
      Thread.sleep(1000);
    }
    assertThat(slurm.states(jobs.array())).as(logs(out)).hasSize(tasks).containsOnly("COMPLETED");
    assertThat(slurm.states(jobs.merge())).as(logs(out)).containsExactly("COMPLETED");
  }

  /** Every log of the submission, for a failure message. */
  private static String logs(Path out) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(out.resolve("logs"))) {
      for (Path log : files.sorted().toList()) {
        all.append("== ").append(log.getFileName()).append('\n').append(Files.readString(log, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** The two job ids {@code harness submit} printed. */
  private record Jobs(String array, String merge) {
    static Jobs printed(String printed, String tasks) {
      Matcher m = Pattern.compile("submitted job array (\\d+) \\(shards " + tasks + " of 3\\) and merge job (\\d+)").matcher(printed);
      assertThat(m.find()).as(printed).isTrue();
      return new Jobs(m.group(1), m.group(2));
    }
  }
}
