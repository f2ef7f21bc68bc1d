package org.entropyharness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
  @TempDir Path dir;

  @Test
  void should_refuse_to_replace_a_baseline_of_another_fingerprint_unless_forced() throws Exception {
    Baselines baselines = new Baselines(dir);
    baselines.promote("suite-a", List.of(MetricRowsFixture.errorRow("tent@1", 10, 2, MetricRowsFixture.FINGERPRINT)), false);
    byte[] before = Files.readAllBytes(baselines.file("suite-a"));
    List<MetricRow> other = List.of(MetricRowsFixture.errorRow("tent@1", 10, 1, new Fingerprint("d", "w2", "m", "1", "p")));

    assertThatThrownBy(() -> baselines.promote("suite-a", other, false))
        .hasMessageContaining("cell tent@1 of the run has another fingerprint (differs in: weights)")
        .hasMessageContaining("--force");
    assertThat(Files.readAllBytes(baselines.file("suite-a"))).isEqualTo(before);

    assertThat(baselines.promote("suite-a", other, true)).containsExactly("tent@1: replaced (fingerprint differs in weights)");
    assertThat(baselines.read("suite-a").orElseThrow().get(0).value()).isEqualTo(0.1);
  }

  @Test
  void should_report_a_damaged_baseline_instead_of_reading_it_as_empty() throws Exception {
    Baselines baselines = new Baselines(dir);
    Files.write(baselines.file("suite-a"), new byte[] {'A', 'R', 'R', 'O', 'W', '1'});

    assertThatThrownBy(() -> baselines.read("suite-a"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(baselines.file("suite-a") + ":1:1: not a complete Arrow IPC file");
  }
}
