package org.entropyharness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.guard.FuzzBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowTablesTest {
  @TempDir Path dir;

  @Test
  void should_read_back_metric_rows_as_written() throws Exception {
    MetricRow row = MetricRowsFixture.errorRow("tent@1", 5, 2, MetricRowsFixture.FINGERPRINT);
    Path file = dir.resolve("metrics.arrow");

    ArrowTables.write(file, MetricRow.TABLE, List.of(row, row));
    List<MetricRow> back = ArrowTables.read(file, MetricRow.TABLE);

    assertThat(back).hasSize(2);
    assertThat(back.get(0)).usingRecursiveComparison().isEqualTo(row);
  }

  @Test
  void should_read_back_samples_with_nulls_and_lists() throws Exception {
    SampleRow tta = SampleRow.classified("source@1", "source", 1, "fog/5", "fog/5/0", 3, 3, 0.9, 0.2);
    SampleRow reasoning = new SampleRow("greedy@1", "greedy", 1, "L1", "arith/L1/0", 2, "42", "42", true, 0.8, 0.1,
        12, 30, new float[] {0.1f, 0.5f}, "so \\boxed{42}", "boxed", "ok");
    Path file = dir.resolve("samples.arrow");

    ArrowTables.write(file, SampleRow.TABLE, List.of(tta, reasoning));
    List<SampleRow> back = ArrowTables.read(file, SampleRow.TABLE);

    assertThat(back.get(0)).usingRecursiveComparison().isEqualTo(tta);
    assertThat(back.get(1)).usingRecursiveComparison().isEqualTo(reasoning);
  }

  @Test
  void should_refuse_a_truncated_file_naming_it() throws Exception {
    Path file = dir.resolve("baseline.arrow");
    ArrowTables.write(file, MetricRow.TABLE, List.of(MetricRowsFixture.errorRow("a@1", 50, 5, MetricRowsFixture.FINGERPRINT)));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> ArrowTables.read(file, MetricRow.TABLE))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ":1:1: not a complete Arrow IPC file (no Arrow end marker)")
        .hasMessageContaining("git checkout -- " + file);
  }

  /**
   * A baseline damaged by the fuzz test ({@link ArrowTablesFuzzTest} shrank it to this file): a list column's offsets
   * point beyond its data buffer. Arrow checks that with a Java assertion while loading the batch: with assertions on
   * (as in tests) the read threw AssertionError; without them (as in the CLI) it is an IndexOutOfBoundsException.
   */
  @Test
  void should_refuse_a_batch_whose_offsets_point_beyond_its_buffer() throws Exception {
    Path file = Files.copy(Path.of("src/test/resources/store/offsets-beyond-buffer.arrow"), dir.resolve("b.arrow"));

    assertThatThrownBy(() -> ArrowTables.read(file, MetricRow.TABLE))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ":1:1: record batch 1 of 1 is corrupted: its buffers do not hold what its"
            + " metadata declares (")
        .hasMessageEndingWith("); restore it (git checkout -- " + file + ") or write it again");
  }

  /**
   * A baseline damaged by the fuzz test (shrunk to this file): a string column's offset says 2^30, and Arrow sizes
   * the string's byte[] from the offsets before checking them against the buffer; the read took over a gigabyte.
   */
  @Test
  void should_refuse_offsets_beyond_the_data_before_allocating_a_value_of_their_length() throws Exception {
    Path file = Files.copy(Path.of("src/test/resources/store/string-offset-beyond-data.arrow"), dir.resolve("b.arrow"));

    Throwable thrown = FuzzBudget.run(() -> ArrowTables.read(file, MetricRow.TABLE));

    assertThat(thrown).isInstanceOf(StoreException.class).hasMessage(file + ":1:1: record batch 1 of 1 is corrupted:"
        + " its buffers do not hold what its metadata declares (ValidateException); restore it (git checkout -- " + file
        + ") or write it again");
  }

  @Test
  void should_refuse_a_file_of_another_table() throws Exception {
    Path file = dir.resolve("samples.arrow");
    ArrowTables.write(file, SampleRow.TABLE, List.of());

    assertThatThrownBy(() -> ArrowTables.read(file, MetricRow.TABLE))
        .hasMessage(file + ":1:1: holds table 'samples' format 1, expected 'metrics' format 1; use a file written by this harness version");
  }

  @Test
  void should_leave_the_old_file_whole_when_a_write_fails() throws Exception {
    Path file = dir.resolve("metrics.arrow");
    MetricRow row = MetricRowsFixture.errorRow("a@1", 5, 1, MetricRowsFixture.FINGERPRINT);
    ArrowTables.write(file, MetricRow.TABLE, List.of(row));
    byte[] before = Files.readAllBytes(file);
    MetricRow broken = new MetricRow(null == null ? "suite-a" : "", "tta", "d", "all", "m", "x", "x", "{}", 1, "a@1",
        "error", 0, 0, 0, 1, "rate", false, "", 0, MetricRowsFixture.FINGERPRINT, "r", "v", null, List.of(), new double[0]);

    assertThatThrownBy(() -> ArrowTables.write(file, MetricRow.TABLE, List.of(broken)))
        .hasMessageContaining("created_at is required");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
