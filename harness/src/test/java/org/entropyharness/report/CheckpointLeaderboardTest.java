package org.entropyharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entropyharness.run.CheckpointFixture;
import org.entropyharness.run.Families;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.RunProgress;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.store.History;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of a checkpoint suite on the leaderboard: the suite's page shows its step curves, in a real browser. */
class CheckpointLeaderboardTest {
  @TempDir static Path dir;
  static Leaderboard.Result result;
  static Path out;

  @BeforeAll
  static void render() throws Exception {
    CheckpointFixture.write(dir, 0.7, 1.0, 1.4);
    Path file = dir.resolve("checkpoint-board.yaml");
    Files.writeString(file, """
        suite: checkpoint-board
        family: reasoning
        dataset: {name: arith, levels: [1, 3], per-level: 3, seed: 9}
        models:
          - {label: start, backend: embedded, weights: start.bin}
          - {series: scaled, backend: embedded, weights: ckpt/step-*.bin}
        base: start
        protocol: {max-tokens: 40}
        methods:
          - sample: {temperature: 1.0, n: 4}
        metrics: [accuracy, pass@1, pass@4, policy-entropy, entropy-law]
        """);
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(file);
    Path runs = dir.resolve("runs");
    SuiteSession session = SuiteSession.open(suite, SessionOptions.defaults(new HarnessPaths(dir)).withRuns(runs));
    try (session) {
      session.runAll(RunProgress.silent());
    }
    new History(dir.resolve("history")).append(LocalDate.parse("2026-12-01"), session.dir().readMetrics());
    out = dir.resolve("leaderboard");
    result = Leaderboard.of(dir.resolve("history"), out).withRuns(runs).withMainMetrics(Map.of()).render();
  }

  @Test
  void should_show_the_step_curves_and_the_entropy_law_on_the_suite_page() throws Exception {
    String page = Files.readString(out.resolve(result.boards().get(0).page()));

    assertThat(page).contains("charts/checkpoint-board-entropy-steps.png", "charts/checkpoint-board-accuracy-steps.png",
        "charts/checkpoint-board-entropy-law.png", "charts/checkpoint-board-pass-at-k-base.png");
    for (Path png : LeaderboardTest.chartFiles(page, out)) {
      assertThat(png).isRegularFile();
      assertThat(Files.size(png)).isGreaterThan(1000);
    }
    // Every model ran the same method: the ranking names each cell by model and method.
    assertThat(result.boards().get(0).standings()).extracting(SuiteBoard.Standing::method)
        .contains("start/sample", "scaled-step100/sample").allMatch(name -> name.endsWith("/sample"));
  }

  @Test
  void should_load_the_suite_page_in_headless_chromium_with_every_image_decoded() throws Exception {
    var browser = HeadlessChromium.find(Files.createDirectories(dir.resolve("chromium")));
    assumeThat(browser).as("chromium on PATH (CI installs it)").isPresent();
    Path page = out.resolve(result.boards().get(0).page());

    HeadlessChromium.Output shown = browser.get().dumpDom(page);

    assertThat(shown.log()).doesNotContain("Uncaught", "ERROR:CONSOLE");
    assertThat(shown.stdout()).contains("data-ready=\"1\"", "data-broken=\"0\"").doesNotContain("data-loaded=\"0\"");
    assertThat(LeaderboardTest.count(shown.stdout(), "data-loaded=\"1\""))
        .isEqualTo(LeaderboardTest.count(Files.readString(page), "<img "));
    List<String> alts = List.of("policy entropy over training steps", "against policy entropy");
    assertThat(shown.stdout()).contains(alts);
  }
}
