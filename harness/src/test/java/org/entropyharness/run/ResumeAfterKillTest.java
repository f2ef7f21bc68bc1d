package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.entropyharness.cli.HarnessCommand;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at random moments, then resumed, ends with the same metric rows as a run that was never
 * interrupted: no row lost, none duplicated. The child JVM runs the real CLI on the embedded model.
 */
class ResumeAfterKillTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/resume/arith-resume.yaml").toAbsolutePath();
  private static final int KILLS = 5;

  @TempDir Path dir;

  @Test
  void should_resume_to_the_rows_of_an_uninterrupted_run_after_repeated_sigkill() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path interrupted = dir.resolve("interrupted");
    int kills = 0;
    for (int attempt = 0; kills < KILLS && attempt < 4 * KILLS; attempt++) {
      Process child = start(interrupted);
      boolean finished = child.waitFor(200 + random.nextInt(3500), TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hooks, no flushing
        kills++;
      }
    }
    assertThat(kills).as("kills (random seed %d)", seed).isEqualTo(KILLS);
    assertThat(start(interrupted).waitFor(300, TimeUnit.SECONDS)).isTrue();

    Path clean = dir.resolve("clean");
    Files.createDirectories(clean);
    assertThat(HarnessCommand.execute("run", SUITE.toString(), "--runs", clean.toString())).isZero();

    List<MetricRow> expected = sorted(new RunDirectory(onlyRun(clean)).readMetrics());
    List<MetricRow> actual = sorted(new RunDirectory(onlyRun(interrupted)).readMetrics());
    assertThat(actual).as("random seed %d", seed).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSameMeasurement(actual.get(i), expected.get(i));
    }
    assertThat(actual.stream().map(MetricRow::key).distinct().count()).isEqualTo(actual.size());
  }

  /** The first attempt creates the run folder; later attempts resume it. */
  private Process start(Path runs) throws Exception {
    Files.createDirectories(runs);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dai.djl.offline=true",
        "-Dharness.root=" + System.getProperty("harness.root", ".."),
        "-cp", System.getProperty("java.class.path"), HarnessCommand.class.getName(), "run", SUITE.toString()));
    try (var existing = Files.list(runs)) {
      List<Path> started = existing.toList();
      command.addAll(started.isEmpty() ? List.of("--runs", runs.toString()) : List.of("--resume", started.get(0).toString()));
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "child.log")).start();
  }

  /** Exact equality, NaN included. */
  static long[] bits(double... values) {
    return Arrays.stream(values).mapToLong(Double::doubleToLongBits).toArray();
  }

  private static Path onlyRun(Path runs) throws Exception {
    try (var dirs = Files.list(runs)) {
      List<Path> all = dirs.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static List<MetricRow> sorted(List<MetricRow> rows) {
    return rows.stream().sorted(Comparator.comparing(MetricRow::key)).toList();
  }

  private static void assertSameMeasurement(MetricRow actual, MetricRow expected) {
    assertThat(actual.key()).isEqualTo(expected.key());
    assertThat(bits(actual.value(), actual.ciLow(), actual.ciHigh())).as(actual.key())
        .containsExactly(bits(expected.value(), expected.ciLow(), expected.ciHigh()));
    assertThat(actual.n()).isEqualTo(expected.n());
    assertThat(actual.fingerprint()).isEqualTo(expected.fingerprint());
    assertThat(actual.itemIds()).isEqualTo(expected.itemIds());
    assertThat(Arrays.equals(actual.itemValues(), expected.itemValues())).as(actual.key()).isTrue();
  }
}
