package org.entropyharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import java.util.List;
import org.entropyharness.engine.Constants;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A method over several seeds: its mean and spread as rows of its own, and a gate over seeds in the engine. */
class SeedGroupTest {
  private static final Path SUITE = Path.of("src/test/resources/suites/groups/arith-seeds.yaml");

  @TempDir Path dir;

  @Test
  void should_store_the_mean_and_sample_deviation_over_seeds_with_the_seeds_as_items() throws Exception {
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(SUITE);
    List<MetricRow> rows = SessionRuns.run(suite, dir, Shard.ALL).readMetrics();

    double[] perSeed = rows.stream().filter(r -> r.cellId().matches("sample@[123]") && r.slice().equals("all")
        && r.metric().equals("accuracy")).mapToDouble(MetricRow::value).toArray();
    double mean = (perSeed[0] + perSeed[1] + perSeed[2]) / 3;
    double sd = Math.sqrt((Math.pow(perSeed[0] - mean, 2) + Math.pow(perSeed[1] - mean, 2)
        + Math.pow(perSeed[2] - mean, 2)) / 2);
    MetricRow group = rows.stream().filter(r -> r.cellId().equals("sample@seeds") && r.slice().equals("all")
        && r.metric().equals("accuracy")).findFirst().orElseThrow();
    MetricRow spread = rows.stream().filter(r -> r.cellId().equals("sample@seeds") && r.slice().equals("all")
        && r.metric().equals("accuracy/sd")).findFirst().orElseThrow();

    assertThat(group.value()).isCloseTo(mean, within(1e-12));
    assertThat(spread.value()).isCloseTo(sd, within(1e-12));
    assertThat(group.itemIds()).containsExactly("seed-1", "seed-2", "seed-3");
    // t(0.975, 2) = 4.302652729911275 (tables): the interval is mean ± t · sd / √3.
    assertThat(group.ciHigh() - group.value()).isCloseTo(4.302652729911275 * sd / Math.sqrt(3), within(1e-9));
  }

  @Test
  void should_gate_the_mean_over_seeds_in_a_container_of_its_own() {
    var results = EngineTestKit.engine(Constants.ENGINE_ID)
        .configurationParameter(Constants.ROOT, dir.toString())
        .selectors(selectFile(SUITE.toAbsolutePath().toFile()))
        .execute();

    results.testEvents().assertStatistics(s -> s.started(4).succeeded(3).aborted(1));
    assertThat(results.containerEvents().started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .contains("sample@seeds");
  }
}
