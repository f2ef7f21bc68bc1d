package org.entropyharness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.entropyharness.guard.Printable;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteSpec;

/** A plain-text table of a run's whole-dataset metrics: one row per cell, one column per metric. */
final class ResultsTable {
  private ResultsTable() {}

  static String render(SuiteSpec suite, List<MetricRow> rows) {
    Set<String> metrics = new LinkedHashSet<>(suite.metrics());
    Map<String, Map<String, MetricRow>> byCell = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (r.slice().equals("all")) {
        byCell.computeIfAbsent(r.cellId(), k -> new LinkedHashMap<>()).put(r.metric(), r);
      }
    }
    List<String> header = new ArrayList<>(List.of("cell"));
    header.addAll(metrics);
    StringBuilder sb = new StringBuilder(suite.name()).append('\n');
    sb.append(line(header));
    for (var cell : byCell.entrySet()) {
      // labels come from files: a newline or a bidi override in one must not reshape the table
      List<String> cols = new ArrayList<>(List.of(Printable.escape(cell.getKey())));
      for (String m : metrics) {
        MetricRow r = cell.getValue().get(m);
        cols.add(r == null ? "-" : cellText(r));
      }
      sb.append(line(cols));
    }
    if (suite.seeds().size() > 1) {
      sb.append("mean ± std over seeds\n").append(SeedsCommand.render(
          org.entropyharness.report.SeedSpread.of(rows), "all", List.copyOf(metrics)));
    }
    return sb.toString();
  }

  private static String cellText(MetricRow r) {
    if (Double.isNaN(r.value())) {
      return "missing";
    }
    boolean rate = "rate".equals(r.unit());
    double scale = rate ? 100 : 1;
    String v = String.format(Locale.ROOT, rate ? "%.2f%%" : "%.4g", r.value() * scale);
    if (Double.isFinite(r.ciLow())) {
      v += String.format(Locale.ROOT, rate ? " ±%.2f" : " ±%.2g", (r.ciHigh() - r.ciLow()) / 2 * scale);
    }
    return v;
  }

  private static String line(List<String> cols) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      sb.append(String.format(Locale.ROOT, i == 0 ? "%-22s" : "%20s", cols.get(i)));
    }
    return sb.append('\n').toString();
  }
}
