package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.entropyharness.cli.ChildHarness;
import org.entropyharness.cli.HarnessCommand;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL, then resumed, ends with the same metric rows as a run that was never interrupted: no
 * row lost, none duplicated. The kills happen at progress markers the run writes, not at moments on a clock: as soon
 * as the run's manifest exists (no cell finished yet), once the first cell has finished (its metrics file under
 * {@code cells/} marks it done) and once all but the last have, each time with the next cell under way. The child
 * JVM runs the real CLI on the embedded model.
 */
class ResumeAfterKillTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/resume/arith-resume.yaml").toAbsolutePath();
  /** The suite's cells (five methods, one seed). */
  private static final int CELLS = 5;
  /** Finished cells at which the run is killed; each leaves at least one cell to run. */
  private static final int[] KILL_AFTER = {0, 1, CELLS - 1};

  @TempDir Path dir;

  @Test
  void should_resume_to_the_rows_of_an_uninterrupted_run_after_sigkill_at_each_progress_marker() throws Exception {
    Path interrupted = dir.resolve("interrupted");
    List<Integer> finishedAtKill = new ArrayList<>();
    for (int target : KILL_AFTER) {
      Process child = start(interrupted);
      awaitMarker(child, interrupted, target);
      child.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hooks, no flushing
      finishedAtKill.add(finishedCells(interrupted));
    }
    // each attempt made progress and was killed with work left (normally exactly at the markers: 0, 1, 4)
    assertThat(finishedAtKill).as("finished cells at each kill").isSorted().doesNotHaveDuplicates()
        .allMatch(finished -> finished < CELLS);
    Process last = start(interrupted);
    assertThat(last.waitFor()).as("exit code of the resumed run; see %s", log()).isZero();

    Path clean = dir.resolve("clean");
    Files.createDirectories(clean);
    assertThat(HarnessCommand.execute("run", SUITE.toString(), "--runs", clean.toString())).isZero();

    List<MetricRow> expected = sorted(new RunDirectory(onlyRun(clean)).readMetrics());
    List<MetricRow> actual = sorted(new RunDirectory(onlyRun(interrupted)).readMetrics());
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSameMeasurement(actual.get(i), expected.get(i));
    }
    assertThat(actual.stream().map(MetricRow::key).distinct().count()).isEqualTo(actual.size());
  }

  /**
   * Waits until the run has a manifest and at least {@code cells} finished cells, polling the run folder; fails if
   * the child exits first.
   */
  private void awaitMarker(Process child, Path runs, int cells) throws Exception {
    while (!(manifestWritten(runs) && finishedCells(runs) >= cells)) {
      if (!child.isAlive()) {
        throw new AssertionError("the run ended (exit " + child.exitValue() + ") before " + cells
            + " finished cells; see " + log());
      }
      Thread.sleep(5);
    }
  }

  private static boolean manifestWritten(Path runs) throws Exception {
    try (var dirs = Files.list(runs)) {
      return dirs.anyMatch(run -> Files.isRegularFile(run.resolve("manifest.json")));
    }
  }

  /** Cells whose metrics file exists in the run under {@code runs}: the marker of a finished cell. */
  private static int finishedCells(Path runs) throws Exception {
    try (var dirs = Files.list(runs)) {
      int count = 0;
      for (Path run : dirs.toList()) {
        Path cells = run.resolve("cells");
        if (Files.isDirectory(cells)) {
          try (var files = Files.list(cells)) {
            count += (int) files.filter(f -> f.getFileName().toString().endsWith(".metrics.arrow")).count();
          }
        }
      }
      return count;
    }
  }

  private Path log() {
    return dir.resolve("child.log");
  }

  /** The first attempt creates the run folder; later attempts resume it. */
  private Process start(Path runs) throws Exception {
    Files.createDirectories(runs);
    List<String> command = ChildHarness.command("run", SUITE.toString());
    try (var existing = Files.list(runs)) {
      List<Path> started = existing.toList();
      command.addAll(started.isEmpty()
          ? List.of("--runs", runs.toString())
          : List.of("--resume", started.get(0).toString()));
    }
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
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
