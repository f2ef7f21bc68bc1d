package org.entropyharness.chart;

import org.entropyharness.report.AllureCellReportTest;
import org.entropyharness.report.HistoryFixture;
import org.entropyharness.report.LeaderboardEscapingTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.junit.jupiter.api.Test;

class ChartsTest {
  static final List<MetricRow> TTA = HistoryFixture.lastNight(HistoryFixture.TTA);
  static final List<MetricRow> REASONING = HistoryFixture.lastNight(HistoryFixture.REASONING);

  @Test
  void should_draw_every_tta_chart_as_a_png() throws Exception {
    assertPng(Charts.errorByCorruption(TTA, "error"), 1280, 400);
    assertPng(Charts.errorBySeverity(TTA, "error"), 640, 400);
    assertPng(Charts.reliabilityDiagram(AllureCellReportTest.ttaSamples("tent")), 640, 400);
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
  }

  @Test
  void should_draw_every_reasoning_chart_as_a_png() throws Exception {
    // The fixture's four methods: one legend line (18 px) each, as more than three do not fit side by side.
    assertPng(Charts.passAtK(REASONING), 640, 400 + 4 * 18);
    assertPng(Charts.accuracyVsTokens(REASONING, "accuracy", "tokens"), 640, 400 + 4 * 18);
    List<SampleRow> traces = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean right = i % 3 != 0;
      traces.add(LeaderboardEscapingTest.sample("greedy@1", "7", "text", right));
      traces.set(i, withEntropy(traces.get(i), right ? 0.2 + i * 0.001 : 0.6 + i * 0.002));
    }
    assertPng(Charts.entropyHistogram(traces), 640, 400);
    assertPng(Charts.trend("t", "y", List.of("a", "b", "c"), Map.of("m", java.util.Arrays.asList(1.0, null, 3.0))), 640, 400);
  }

  @Test
  void should_draw_a_curve_per_model_and_method_when_a_suite_has_several_models() throws Exception {
    List<MetricRow> twoModels = new ArrayList<>();
    for (String label : List.of("ckpt-a", "ckpt-b")) {
      for (MetricRow r : REASONING) {
        twoModels.add(new MetricRow(r.suite(), r.family(), r.dataset(), r.slice(), label, r.method(), r.methodId(),
            r.params(), r.seed(), label + "/" + r.cellId(), r.metric(), r.value(), r.ciLow(), r.ciHigh(), r.n(),
            r.unit(), r.higherIsBetter(), r.provenance(), r.failed(), r.fingerprint(), r.runId(), r.harnessVersion(),
            r.createdAt(), r.itemIds(), r.itemValues(), new org.entropyharness.store.ModelRef(label, null, null)));
      }
    }
    long methods = REASONING.stream().filter(r -> r.metric().startsWith("pass@")).map(MetricRow::method).distinct()
        .count();
    assertThat(methods).isGreaterThan(1);
    // One legend entry a curve, one line (18 px) each beyond three: 2 models × the methods, not the methods alone.
    assertPng(Charts.passAtK(twoModels), 640, 400 + 18 * (int) (2 * methods));
  }

  @Test
  void should_draw_the_entropy_histogram_when_every_trace_is_right_or_every_one_wrong() throws Exception {
    for (boolean right : new boolean[] {true, false}) {
      List<SampleRow> traces = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        traces.add(withEntropy(LeaderboardEscapingTest.sample("greedy@1", "7", "text", right), 0.1 + i * 0.01));
      }
      assertPng(Charts.entropyHistogram(traces), 640, 400);
    }
  }

  @Test
  void should_draw_nothing_when_the_rows_hold_nothing_to_draw() {
    assertThat(Charts.errorByCorruption(REASONING, "error")).isEmpty();
    assertThat(Charts.passAtK(TTA)).isEmpty();
    assertThat(Charts.accuracyVsTokens(TTA, "accuracy", "tokens")).isEmpty();
    assertThat(Charts.reliabilityDiagram(List.of())).isEmpty();
    assertThat(Charts.entropyHistogram(List.of())).isEmpty();
    assertThat(Charts.ranking("t", "y", List.of(), List.of(), List.of())).isEmpty();
  }

  @Test
  void should_bin_confidence_into_fifteen_bins_of_mean_confidence_and_accuracy() {
    List<SampleRow> samples = List.of(
        SampleRow.classified("c", "m", 1, "all", "a", 1, 1, 0.95, 0.1),
        SampleRow.classified("c", "m", 1, "all", "b", 2, 1, 0.99, 0.1),
        SampleRow.classified("c", "m", 1, "all", "c", 1, 1, 0.10, 0.1),
        SampleRow.classified("c", "m", 1, "all", "d", 1, 1, 1.00, 0.1));
    double[][] curve = TtaCharts.reliabilityCurve(samples);
    // 0.10 falls in bin 1 ([1/15, 2/15)); 0.95, 0.99 and 1.0 (clamped to the last bin) in bin 14.
    assertThat(curve[0]).containsExactly(0.10, (0.95 + 0.99 + 1.0) / 3);
    assertThat(curve[1]).containsExactly(1.0, 2.0 / 3);
  }

  private static SampleRow withEntropy(SampleRow s, double entropy) {
    return new SampleRow(s.cellId(), s.method(), s.seed(), s.slice(), s.itemId(), s.sampleIndex(), s.prediction(),
        s.reference(), s.correct(), s.confidence(), entropy, s.promptTokens(), s.completionTokens(),
        s.tokenEntropies(), s.text(), s.extraction(), s.status());
  }

  private static void assertPng(Optional<byte[]> png, int width, int height) throws Exception {
    assertThat(png).isPresent();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(20);
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
