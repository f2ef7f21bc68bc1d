package org.entropyharness.report;

import org.entropyharness.store.History;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.junit.jupiter.api.Test;

public class LeaderboardEscapingTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";

  @Test
  void should_escape_method_names_and_model_answers_in_every_page() throws Exception {
    Path root = Files.createDirectories(Path.of("target/report-test/escaping"));
    Path out = root.resolve("leaderboard");
    Leaderboard.Result result = renderHostile(root, out);
    List<String> pages = new ArrayList<>();
    pages.add(Files.readString(result.index()));
    for (SuiteBoard b : result.boards()) {
      pages.add(Files.readString(out.resolve(b.page())));
    }
    for (String html : pages) {
      assertThat(html).doesNotContain(SCRIPT, "<img src=x", "onerror=alert(1)>")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    String suitePage = pages.get(1);
    assertThat(suitePage).contains("&quot;&gt;&lt;img src").contains("answer: &lt;script&gt;");
    String md = Files.readString(result.markdown());
    assertThat(md).doesNotContain(SCRIPT, "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void should_leave_no_injected_element_in_the_rendered_dom() throws Exception {
    Path root = Files.createDirectories(Path.of("target/report-test/escaping-dom"));
    Path out = root.resolve("leaderboard");
    Leaderboard.Result result = renderHostile(root, out);
    var browser = HeadlessChromium.find(Files.createDirectories(root.resolve("chromium")));
    assumeThat(browser).as("chromium on PATH (CI installs it)").isPresent();
    for (SuiteBoard b : result.boards()) {
      HeadlessChromium.Output dom = browser.get().dumpDom(out.resolve(b.page()));
      assertThat(dom.stdout()).contains("data-ready=\"1\"").doesNotContain("<img src=\"x\"", "<script>alert", "onerror=\"");
      assertThat(LeaderboardTest.count(dom.stdout(), "<script>")).isEqualTo(1);
      assertThat(dom.log()).doesNotContain("Uncaught", "ERROR:CONSOLE");
    }
  }

  /** A night whose method labels, suite name and model answers carry markup, with the run's samples at hand. */
  static Leaderboard.Result renderHostile(Path root, Path out) throws Exception {
    List<MetricRow> rows = new ArrayList<>();
    for (MetricRow r : LeaderboardTest.rows(HistoryFixture.REASONING)) {
      String method = r.method().equals("greedy") ? SCRIPT : r.method().equals("deepconf") ? IMG : r.method();
      rows.add(new MetricRow(r.suite() + SCRIPT, r.family(), r.dataset(), r.slice(), r.model(), method, r.methodId(),
          r.params(), r.seed(), method + "@1", r.metric(), r.value(), r.ciLow(), r.ciHigh(), r.n(), r.unit(),
          r.higherIsBetter(), r.provenance(), r.failed(), r.fingerprint(), "run-1", r.harnessVersion(),
          r.createdAt(), r.itemIds(), r.itemValues()));
    }
    Path history = root.resolve("history");
    new History(history).append(LocalDate.parse("2026-11-21"), rows);
    List<SampleRow> samples = List.of(
        sample(SCRIPT + "@1", SCRIPT, "answer: " + SCRIPT + " and " + IMG, false),
        sample(IMG + "@1", IMG, "fine " + IMG, true));
    ArrowTables.write(root.resolve("runs/run-1/samples.arrow"), SampleRow.TABLE, samples);
    return Leaderboard.of(history, out).withRuns(root.resolve("runs")).render();
  }

  public static SampleRow sample(String cell, String prediction, String text, boolean correct) {
    return new SampleRow(cell, cell, 1, "L1", "item-0", 0, prediction, "42", correct, 0.7, 0.4, 30, 120, null, text,
        "boxed", "ok");
  }
}
