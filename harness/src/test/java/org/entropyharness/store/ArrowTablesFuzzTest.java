package org.entropyharness.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entropyharness.guard.ByteEdits;
import org.entropyharness.guard.FuzzBudget;

/**
 * Fuzzes the Arrow reader with damaged baseline files: a read either gives rows or throws one located
 * {@link StoreException}, within {@link FuzzBudget}; damage to a length or a buffer offset must not become a huge
 * allocation, an index error or a hang.
 */
class ArrowTablesFuzzTest {
  private static byte[] seed;
  private static Path dir;

  @BeforeContainer
  static void writeSeed() throws IOException {
    dir = Files.createTempDirectory("arrow-fuzz");
    List<MetricRow> rows = ArrowTables.read(Path.of("../baselines/answers-list-smoke.arrow"), MetricRow.TABLE);
    Path file = dir.resolve("seed.arrow");
    ArrowTables.write(file, MetricRow.TABLE, rows.subList(0, Math.min(rows.size(), 12)));
    seed = Files.readAllBytes(file);
  }

  @AfterContainer
  static void removeFiles() throws IOException {
    FuzzBudget.deleteFolder(dir);
  }

  /** The seed reads as it is: a property that only ever sees refusals would test nothing. */
  @Example
  void should_read_the_undamaged_seed() throws IOException {
    Path file = Files.write(dir.resolve("undamaged.arrow"), seed);

    assertThat(ArrowTables.read(file, MetricRow.TABLE)).hasSize(12);
  }

  @Property(tries = 250, seed = FuzzBudget.SEED)
  void should_read_or_refuse_a_damaged_baseline(@ForAll("damaged") byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("fuzz.arrow"), bytes);
    Throwable thrown = FuzzBudget.run(() -> ArrowTables.read(file, MetricRow.TABLE));
    assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOf(StoreException.class).hasMessageStartingWith(file + ":1:1: "));
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return ByteEdits.of(seed);
  }
}
