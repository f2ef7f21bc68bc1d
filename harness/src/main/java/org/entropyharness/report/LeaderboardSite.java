package org.entropyharness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entropyharness.chart.ChartSpec;
import org.entropyharness.chart.Charts;
import org.entropyharness.run.Families;
import org.entropyharness.run.SuiteFamily;
import org.entropyharness.store.History.Night;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.AtomicFiles;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;

/** Writes the leaderboard's files: charts first, then the pages and the Markdown summary that show them. */
final class LeaderboardSite {
  private final Path out;
  private final List<Night> nights;
  private final Path runs;

  LeaderboardSite(Path out, List<Night> nights, Path runs) {
    this.out = out;
    this.nights = nights;
    this.runs = runs;
  }

  /**
   * A chart on a page.
   *
   * @param src relative path of the PNG
   * @param alt text alternative
   * @param caption caption under it
   * @param wide whether it spans the whole row (charts with many categories)
   */
  record ChartRef(String src, String alt, String caption, boolean wide) {}

  /** What one suite shows: its board and its charts. */
  record SuiteCard(SuiteBoard board, ChartRef ranking, ChartRef trend, List<ChartRef> familyCharts) {
    public boolean hasFamilyCharts() {
      return !familyCharts.isEmpty();
    }
  }

  /** The entry page's scope. */
  record IndexView(String latestNight, int nightCount, int suiteCount, int regressions, List<SuiteCard> suites) {
    public boolean anyRegression() {
      return regressions > 0;
    }
  }

  Leaderboard.Result write(List<SuiteBoard> boards) throws IOException {
    List<SuiteCard> cards = new ArrayList<>();
    for (SuiteBoard board : boards) {
      SuiteCard card = new SuiteCard(board, ranking(board), trend(board), familyCharts(board));
      cards.add(card);
      Leaderboard.writeText(out.resolve(board.page()), Templates.html("suite.html.mustache", card));
    }
    int regressions = boards.stream().mapToInt(SuiteBoard::regressions).sum();
    IndexView index = new IndexView(nights.get(nights.size() - 1).date().toString(), nights.size(), boards.size(),
        regressions, cards);
    Path indexFile = out.resolve("index.html");
    Path markdown = out.resolve("leaderboard.md");
    Leaderboard.writeText(indexFile, Templates.html("index.html.mustache", index));
    Leaderboard.writeText(markdown, Templates.markdown("leaderboard.md.mustache", index));
    return new Leaderboard.Result(indexFile, markdown, boards);
  }

  private ChartRef ranking(SuiteBoard b) throws IOException {
    double scale = "rate".equals(b.unit()) ? 100 : 1;
    List<MetricRow> main = b.latestRows().stream().filter(r -> r.slice().equals("all") && r.metric().equals(b.metric()))
        .toList();
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> half = new ArrayList<>();
    for (SuiteBoard.Standing s : b.standings()) {
      MetricRow r = main.stream().filter(m -> m.cellId().equals(s.cellId())).findFirst().orElseThrow();
      labels.add(seedsUnique(b) ? s.method() : s.cellId());
      values.add(r.value() * scale);
      double w = (r.ciHigh() - r.ciLow()) / 2 * scale;
      half.add(Double.isFinite(w) ? w : 0);
    }
    return save(b, "ranking", Charts.ranking(b.metric() + " on " + b.night(), b.trendAxis(), labels, values, half),
        b.metric() + " of each cell on " + b.night() + ", with 95% intervals");
  }

  private static boolean seedsUnique(SuiteBoard b) {
    return b.standings().stream().map(SuiteBoard.Standing::method).distinct().count() == b.standings().size();
  }

  private ChartRef trend(SuiteBoard b) throws IOException {
    return save(b, "trend", Charts.trend(b.metric() + " over nights", b.trendAxis(), b.nights(), b.trend()),
        b.metric() + " per night, " + b.direction());
  }

  private List<ChartRef> familyCharts(SuiteBoard b) throws IOException {
    List<ChartRef> charts = new ArrayList<>();
    Optional<SuiteFamily> family = Families.ALL.find(b.family());
    if (family.isEmpty()) {
      return charts;
    }
    List<MetricRow> rows = b.latestRows();
    List<SampleRow> samples = samples(runs, rows);
    for (ChartSpec spec : family.get().charts()) {
      add(charts, save(b, spec.stem(), spec.render(rows, samples, b.metric()), spec.captionFor(b.metric())));
    }
    return charts;
  }

  /** The latest night's samples of the suite, when its run folders are at hand. */
  static List<SampleRow> samples(Path runs, List<MetricRow> rows) throws IOException {
    if (runs == null) {
      return List.of();
    }
    List<SampleRow> samples = new ArrayList<>();
    for (String runId : SuiteBoards.distinct(rows, MetricRow::runId)) {
      Path file = runs.resolve(runId).resolve("samples.arrow");
      if (!runId.contains("/") && !runId.startsWith(".") && Files.isRegularFile(file)) {
        List<String> cells = SuiteBoards.distinct(rows, MetricRow::cellId);
        ArrowTables.read(file, SampleRow.TABLE).stream().filter(s -> cells.contains(s.cellId())).forEach(samples::add);
      }
    }
    return samples;
  }

  private static void add(List<ChartRef> charts, ChartRef chart) {
    if (chart != null) {
      charts.add(chart);
    }
  }

  private ChartRef save(SuiteBoard b, String kind, Optional<byte[]> png, String caption) throws IOException {
    if (png.isEmpty()) {
      return null;
    }
    String name = "charts/" + b.slug() + "-" + kind + ".png";
    AtomicFiles.write(out.resolve(name), png.get());
    return new ChartRef(name, caption + " (" + b.suite() + ")", caption, kind.equals("by-corruption"));
  }
}
