package org.entropyharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

  @Test
  void should_give_mean_and_sample_standard_deviation_over_seeds() {
    // Hand computation: errors 0.20, 0.25, 0.30 → mean 0.25; squared deviations 0.0025 + 0 + 0.0025 = 0.005,
    // over n − 1 = 2 → 0.0025, std 0.05.
    List<MetricRow> rows = List.of(row("tent", 1, 0.20), row("tent", 2, 0.25), row("tent", 3, 0.30),
        row("source", 1, 0.48), row("source", 2, Double.NaN));

    List<SeedSpread.Row> spread = SeedSpread.of(rows);

    assertThat(spread).hasSize(2);
    SeedSpread.Row tent = spread.get(0);
    assertThat(tent.method()).isEqualTo("tent");
    assertThat(tent.mean()).isCloseTo(0.25, within(1e-12));
    assertThat(tent.std()).isCloseTo(0.05, within(1e-12));
    assertThat(tent.seeds()).isEqualTo(3);
    SeedSpread.Row source = spread.get(1);
    assertThat(source.mean()).isEqualTo(0.48);
    assertThat(source.std()).isNaN();
    assertThat(source.missing()).isEqualTo(1);
  }

  private static MetricRow row(String method, long seed, double value) {
    Fingerprint fp = new Fingerprint("d", "m", "x", Long.toString(seed), "p");
    return new MetricRow("s", "tta", "cifar10-c", "all", "resnet20", method, method, "{}", seed, method + "@" + seed,
        "error", value, Double.NaN, Double.NaN, 100, "rate", false, "", 0, fp, "run", "dev", Instant.EPOCH,
        List.of(), new double[0]);
  }
}
