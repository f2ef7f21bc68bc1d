package org.entropyharness.report;

import org.entropyharness.store.History;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
  static final Path FIXTURE = Path.of("src/test/resources/report");
  static final Path OUT = Path.of("target/report-test/leaderboard");
  static Leaderboard.Result result;

  @BeforeAll
  static void render() throws Exception {
    result = Leaderboard.of(FIXTURE.resolve("history"), OUT).withBaselines(FIXTURE.resolve("baselines"))
        .withMainMetrics(Map.of(HistoryFixture.TTA, "error")).render();
  }

  @Test
  void should_match_the_committed_history_when_regenerated() throws Exception {
    Path regenerated = Files.createTempDirectory(Path.of("target"), "history-fixture");
    HistoryFixture.write(regenerated);
    List<History.Night> committed = new History(FIXTURE.resolve("history")).nights();
    List<History.Night> fresh = new History(regenerated.resolve("history")).nights();
    assertThat(committed).extracting(History.Night::date).containsExactlyElementsOf(HistoryFixture.NIGHTS);
    for (int i = 0; i < committed.size(); i++) {
      assertThat(committed.get(i).rows()).extracting(r -> r.suite() + " " + r.key() + "=" + r.value())
          .containsExactlyElementsOf(fresh.get(i).rows().stream().map(r -> r.suite() + " " + r.key() + "=" + r.value()).toList());
    }
  }

  @Test
  void should_rank_cells_on_the_main_metric_and_flag_the_regressions() {
    SuiteBoard tta = board(HistoryFixture.TTA);
    assertThat(tta.metric()).isEqualTo("error");
    assertThat(tta.standings()).extracting(SuiteBoard.Standing::method).containsExactly("eata", "bn-adapt", "tent", "source");
    SuiteBoard.Standing tent = tta.standings().get(2);
    assertThat(tent.previous().verdict()).isEqualTo("worse");
    assertThat(tent.baseline().verdict()).isEqualTo("worse");
    assertThat(tent.regressed()).isTrue();
    assertThat(tta.standings().get(3).previous().verdict()).isEqualTo("no clear difference");
    SuiteBoard reasoning = board(HistoryFixture.REASONING);
    assertThat(reasoning.metric()).isEqualTo("accuracy");
    assertThat(reasoning.standings().get(0).method()).isEqualTo("self-consistency");
    assertThat(reasoning.standings().get(0).previous().verdict()).isEqualTo("better");
    assertThat(reasoning.trend().get("tent")).isNull();
    assertThat(tta.trend().get("tent")).hasSize(3);
    assertThat(tta.regressions()).isEqualTo(1);
  }

  @Test
  void should_write_pages_charts_and_markdown_with_relative_links() throws Exception {
    String index = Files.readString(result.index());
    assertThat(index).doesNotContain("http://", "https://", "//cdn");
    for (Path png : chartFiles(index, OUT)) {
      assertThat(png).isRegularFile();
      assertThat(Files.size(png)).isGreaterThan(1000);
    }
    String suitePage = Files.readString(OUT.resolve(board(HistoryFixture.TTA).page()));
    assertThat(suitePage).contains("href=\"../../../src/test/resources/report/history/2026-11-21.arrow\"");
    assertThat(chartFiles(suitePage, OUT)).hasSize(4);
    String md = Files.readString(result.markdown());
    assertThat(md).contains("## " + HistoryFixture.TTA.replace("-", "-"), "| 3 | tent | 1 | **23.25%**", "worse +");
  }

  @Test
  void should_load_in_headless_chromium_with_every_image_decoded() throws Exception {
    Path work = Files.createDirectories(Path.of("target/report-test/chromium"));
    var browser = HeadlessChromium.find(work);
    assumeThat(browser).as("chromium on PATH (CI installs it)").isPresent();
    String dom = null;
    for (Path page : List.of(result.index(), OUT.resolve(board(HistoryFixture.REASONING).page()))) {
      HeadlessChromium.Output out = browser.get().dumpDom(page);
      assertThat(out.log()).doesNotContain("Uncaught", "ERROR:CONSOLE");
      assertThat(out.stdout()).contains("data-ready=\"1\"", "data-broken=\"0\"").doesNotContain("data-loaded=\"0\"");
      assertThat(count(out.stdout(), "data-loaded=\"1\"")).isEqualTo(count(Files.readString(page), "<img "));
      dom = dom == null ? out.stdout() : dom;
    }
    assertThat(count(dom, "<tr class=\"regressed\" data-cell=")).isEqualTo(1);
    assertThat(count(dom, "data-cell=\"")).isEqualTo(8);
    Path shot = work.resolve("leaderboard.png");
    browser.get().screenshot(result.index(), shot);
    assertThat(shot).isRegularFile();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  static SuiteBoard board(String suite) {
    return result.boards().stream().filter(b -> b.suite().equals(suite)).findFirst().orElseThrow();
  }

  static List<Path> chartFiles(String html, Path root) {
    Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
    List<Path> files = new java.util.ArrayList<>();
    while (m.find()) {
      files.add(root.resolve(m.group(1)));
    }
    assertThat(files).isNotEmpty();
    return files;
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  static List<MetricRow> rows(String suite) {
    return HistoryFixture.lastNight(suite);
  }
}
