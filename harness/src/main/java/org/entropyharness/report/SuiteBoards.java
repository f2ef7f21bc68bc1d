package org.entropyharness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.entropyharness.gate.Format;
import org.entropyharness.run.Families;
import org.entropyharness.run.SuiteFamily;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.entropyharness.store.History.Night;
import org.entropyharness.report.SuiteBoard.CellDetail;
import org.entropyharness.report.SuiteBoard.Example;
import org.entropyharness.report.SuiteBoard.HistoryLine;
import org.entropyharness.report.SuiteBoard.Line;
import org.entropyharness.report.SuiteBoard.Link;
import org.entropyharness.report.SuiteBoard.Standing;

/** Builds a suite's {@link SuiteBoard} from the history (and the suite's baseline). */
final class SuiteBoards {
  private static final String ALL = "all";
  private static final int EXAMPLES = 5;
  private static final int EXCERPT = 300;

  private SuiteBoards() {}

  /**
   * @param suite the suite
   * @param nights every night of the history, oldest first
   * @param baseline the suite's baseline rows (empty when none)
   * @param mainMetric the suite's first gated metric, or null to pick the family's headline metric
   * @param slug the suite's safe name
   * @param links the Arrow files behind a night's row
   * @param samples the latest night's samples of the suite (empty when the run folders are not at hand)
   */
  static SuiteBoard build(String suite, List<Night> nights, List<MetricRow> baseline, String mainMetric, String slug,
      BiFunction<Night, MetricRow, List<Link>> links, List<SampleRow> samples) {
    List<Night> ran = nights.stream().filter(n -> n.rows().stream().anyMatch(r -> r.suite().equals(suite))).toList();
    Night latest = ran.get(ran.size() - 1);
    Night previous = ran.size() > 1 ? ran.get(ran.size() - 2) : null;
    List<MetricRow> rows = of(latest, suite);
    String metric = pickMetric(rows, mainMetric);
    List<MetricRow> main = rows.stream().filter(r -> r.slice().equals(ALL) && r.metric().equals(metric))
        .sorted(rankOrder()).toList();
    MetricRow first = main.get(0);
    Map<String, MetricRow> before = index(previous == null ? List.of() : of(previous, suite));
    Map<String, MetricRow> base = index(baseline);
    List<Standing> standings = standings(main, base, before);
    Map<String, String> series = seriesNames(main);
    List<String> nightNames = ran.stream().map(n -> n.date().toString()).toList();
    Map<String, List<Double>> trend = trend(ran, suite, metric, series, "rate".equals(first.unit()) ? 100 : 1);
    return new SuiteBoard(suite, first.family(), first.dataset(), String.join(", ", distinct(rows, MetricRow::model)),
        metric, first.unit(), first.higherIsBetter() ? "higher is better" : "lower is better", latest.date().toString(),
        previous == null ? "" : previous.date().toString(), "suite-" + slug + ".html", slug, standings, nightNames,
        trend, axis(metric, first.unit()), historyLines(trend, first.unit()),
        cells(main, rows, metric, latest, links, samples), rows, (int) standings.stream().filter(Standing::regressed).count());
  }

  static List<MetricRow> of(Night night, String suite) {
    return night.rows().stream().filter(r -> r.suite().equals(suite)).toList();
  }

  /** The preferred metric if the rows have it on slice all; else the family's headline metric; else the first. */
  static String pickMetric(List<MetricRow> rows, String preferred) {
    List<String> present = distinct(rows.stream().filter(r -> r.slice().equals(ALL)).toList(), MetricRow::metric);
    if (present.isEmpty()) {
      present = distinct(rows, MetricRow::metric);
    }
    if (preferred != null && present.contains(preferred)) {
      return preferred;
    }
    Optional<String> headline = Families.ALL.find(rows.get(0).family()).map(SuiteFamily::headlineMetric);
    return headline.filter(present::contains).orElse(present.get(0));
  }

  private static Comparator<MetricRow> rankOrder() {
    return Comparator.comparingDouble((MetricRow r) -> r.higherIsBetter() ? -r.value() : r.value())
        .thenComparing(MetricRow::cellId);
  }

  private static List<Standing> standings(List<MetricRow> main, Map<String, MetricRow> base, Map<String, MetricRow> before) {
    List<Standing> out = new ArrayList<>();
    // With several models (checkpoints) a method's cells differ by model, so they are named by both.
    boolean severalModels = MetricRow.ofSeveralModels(main);
    for (int i = 0; i < main.size(); i++) {
      MetricRow r = main.get(i);
      String name = r.cellName(severalModels);
      int rank = i > 0 && main.get(i - 1).value() == r.value() ? out.get(i - 1).rank() : i + 1;
      Delta vsBase = base.isEmpty() ? Delta.none("baseline") : Delta.of(r, base.get(r.key()), "baseline");
      Delta vsPrev = Delta.of(r, before.get(r.key()), "previous night");
      out.add(new Standing(rank, name, r.seed(), r.cellId(), anchor(r.cellId()), Format.value(r.value(), r.unit()),
          interval(r), r.n(), vsBase, vsPrev, vsBase.worse() || vsPrev.worse()));
    }
    return out;
  }

  /** Series are named by method, or by cell where a method ran under several seeds. */
  private static Map<String, String> seriesNames(List<MetricRow> main) {
    Map<String, Long> perMethod = new HashMap<>();
    main.forEach(r -> perMethod.merge(r.method(), 1L, Long::sum));
    Map<String, String> names = new LinkedHashMap<>();
    main.forEach(r -> names.put(r.cellId(), perMethod.get(r.method()) > 1 ? r.cellId() : r.method()));
    return names;
  }

  private static Map<String, List<Double>> trend(List<Night> ran, String suite, String metric,
      Map<String, String> series, double scale) {
    Map<String, List<Double>> trend = new LinkedHashMap<>();
    series.values().forEach(name -> trend.put(name, new ArrayList<>()));
    for (Night night : ran) {
      Map<String, MetricRow> rows = index(of(night, suite));
      series.forEach((cell, name) -> {
        MetricRow r = rows.get(cell + " " + ALL + " " + metric);
        trend.get(name).add(r == null ? null : r.value() * scale);
      });
    }
    return trend;
  }

  private static List<HistoryLine> historyLines(Map<String, List<Double>> trend, String unit) {
    double scale = "rate".equals(unit) ? 100 : 1;
    List<HistoryLine> lines = new ArrayList<>();
    trend.forEach((name, values) -> lines.add(new HistoryLine(name,
        values.stream().map(v -> v == null ? "—" : Format.value(v / scale, unit)).toList())));
    return lines;
  }

  private static List<CellDetail> cells(List<MetricRow> main, List<MetricRow> rows, String metric, Night night,
      BiFunction<Night, MetricRow, List<Link>> links, List<SampleRow> samples) {
    List<CellDetail> cells = new ArrayList<>();
    for (MetricRow m : main) {
      List<MetricRow> mine = rows.stream().filter(r -> r.cellId().equals(m.cellId())).toList();
      List<Line> all = mine.stream().filter(r -> r.slice().equals(ALL)).map(SuiteBoards::line).toList();
      List<Line> slices = mine.stream().filter(r -> !r.slice().equals(ALL) && r.metric().equals(metric))
          .map(SuiteBoards::line).toList();
      cells.add(new CellDetail(m.cellId(), anchor(m.cellId()), m.method(), m.params(), m.fingerprint().value(),
          m.runId(), all, slices, links.apply(night, m), examples(m.cellId(), samples)));
    }
    return cells;
  }

  /** Up to five samples of a cell, wrong and failed ones first, then in stored order. */
  private static List<Example> examples(String cellId, List<SampleRow> samples) {
    return samples.stream().filter(s -> s.cellId().equals(cellId))
        .sorted(Comparator.comparingInt((SampleRow s) -> Boolean.TRUE.equals(s.correct()) ? 1 : 0))
        .limit(EXAMPLES)
        .map(s -> new Example(s.itemId() + (s.sampleIndex() > 0 ? "#" + s.sampleIndex() : ""), s.slice(),
            String.valueOf(s.prediction()), String.valueOf(s.reference()),
            s.correct() == null ? "failed" : s.correct() ? "right" : "wrong", excerpt(s.text())))
        .toList();
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
  }

  private static Line line(MetricRow r) {
    String note = (r.provenance().isEmpty() ? "" : r.provenance()) + (r.failed() > 0 ? " " + r.failed() + " failed" : "");
    return new Line(r.metric(), r.slice(), Format.value(r.value(), r.unit()), interval(r), r.n(), note.trim());
  }

  static String interval(MetricRow r) {
    if (!Double.isFinite(r.ciLow()) || !Double.isFinite(r.ciHigh())) {
      return "";
    }
    return "[" + Format.value(r.ciLow(), r.unit()) + ", " + Format.value(r.ciHigh(), r.unit()) + "]";
  }

  static String axis(String metric, String unit) {
    return "rate".equals(unit) ? metric + " (%)" : metric + " (" + unit + ")";
  }

  /** An element id from a cell id: safe characters only, prefixed so it never starts with a digit. */
  static String anchor(String cellId) {
    return "cell-" + slug(cellId);
  }

  /** A name safe in file names and ids; a short hash keeps names apart that differ only in unsafe characters. */
  static String slug(String name) {
    String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    return safe.equals(name) ? safe : safe + "-" + org.entropyharness.store.Fingerprint.sha256(name).substring(0, 8);
  }

  static Map<String, MetricRow> index(List<MetricRow> rows) {
    Map<String, MetricRow> map = new HashMap<>();
    rows.forEach(r -> map.put(r.key(), r));
    return map;
  }

  static List<String> distinct(List<MetricRow> rows, java.util.function.Function<MetricRow, String> f) {
    Set<String> set = new LinkedHashSet<>();
    rows.forEach(r -> set.add(f.apply(r)));
    return new ArrayList<>(set);
  }
}
