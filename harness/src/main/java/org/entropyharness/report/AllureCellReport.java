package org.entropyharness.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entropyharness.chart.ChartSpec;
import org.entropyharness.run.Families;
import org.entropyharness.run.SuiteFamily;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SuiteSpec;

/**
 * Puts a finished cell into the Allure test that is running: parameters (suite, slices, model, method, seed,
 * fingerprint), the metrics as CSV and the family's charts as PNG. Everything here is a no-op when no Allure test is
 * running, and a failure to report never fails the cell.
 */
public final class AllureCellReport {
  private AllureCellReport() {}

  /** Work inside a phase; may throw whatever the work throws. */
  @FunctionalInterface
  public interface Phase<T> {
    T run() throws Exception;
  }

  /** Whether an Allure test case is running on this thread. */
  public static boolean active() {
    try {
      return Allure.getLifecycle().getCurrentTestCase().isPresent();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Runs one phase of a cell (load, adapt/generate, score, gate) as an Allure step when a test is running, else
   * plainly. The work's own exception passes through unchanged.
   */
  public static <T> T phase(String name, Phase<T> work) throws Exception {
    if (!active()) {
      return work.run();
    }
    return Allure.step(name, work::run);
  }

  /** Adds the cell's parameters, metrics CSV and charts to the running test; does nothing when none runs. */
  public static void attach(SuiteSpec suite, CellSpec cell, Fingerprint fp, List<MetricRow> rows, List<SampleRow> samples) {
    if (!active()) {
      return;
    }
    try {
      AllureLifecycle lifecycle = Allure.getLifecycle();
      parameters(suite, cell, fp, rows);
      lifecycle.addAttachment("metrics of " + cell.id(), "text/csv", "csv",
          MetricsCsv.of(rows).getBytes(StandardCharsets.UTF_8));
      for (Chart chart : charts(Families.of(suite), rows, samples)) {
        lifecycle.addAttachment(chart.name(), "image/png", "png", chart.png());
      }
    } catch (RuntimeException | LinkageError e) {
      System.err.println("warning: Allure attachments of " + cell.id() + " not written: " + e);
    }
  }

  /**
   * Adds a group's rows and its cells' rows (as CSV) and the family's charts over them to the running test; does
   * nothing when none runs.
   */
  public static void attachGroup(SuiteFamily family, CellGroup series, List<MetricRow> seriesRows,
      List<MetricRow> checkpointRows) {
    if (!active()) {
      return;
    }
    try {
      AllureLifecycle lifecycle = Allure.getLifecycle();
      Allure.parameter("group", series.id());
      List<MetricRow> all = new ArrayList<>(checkpointRows);
      all.addAll(seriesRows);
      lifecycle.addAttachment("metrics of " + series.id(), "text/csv", "csv",
          MetricsCsv.of(all).getBytes(StandardCharsets.UTF_8));
      for (Chart chart : charts(family, all, List.of())) {
        lifecycle.addAttachment(chart.name(), "image/png", "png", chart.png());
      }
    } catch (RuntimeException | LinkageError e) {
      System.err.println("warning: Allure attachments of " + series.id() + " not written: " + e);
    }
  }

  private static void parameters(SuiteSpec suite, CellSpec cell, Fingerprint fp, List<MetricRow> rows) {
    Allure.parameter("suite", suite.name());
    Allure.parameter("dataset", suite.dataset().string("name", "") + " " + slices(rows));
    String name = cell.model().name();
    Allure.parameter("model", cell.model().label().equals(name) ? name : cell.model().label() + " (" + name + ")");
    Allure.parameter("method", cell.method().label() + " " + cell.method().params().canonicalJson());
    Allure.parameter("seed", cell.seed());
    Allure.parameter("fingerprint", fp.value());
  }

  /** The slices as text: {@code all} and the others, at most eight named. */
  static String slices(List<MetricRow> rows) {
    Set<String> slices = new LinkedHashSet<>();
    rows.forEach(r -> slices.add(r.slice()));
    List<String> names = new ArrayList<>(slices);
    if (names.size() <= 8) {
      return "[" + String.join(", ", names) + "]";
    }
    return "[" + String.join(", ", names.subList(0, 8)) + ", … " + names.size() + " slices]";
  }

  /**
   * A named PNG.
   *
   * @param name attachment name
   * @param png the bytes
   */
  public record Chart(String name, byte[] png) {}

  /** The family's charts of a cell, leaving out those with nothing to draw. */
  public static List<Chart> charts(SuiteFamily family, List<MetricRow> rows, List<SampleRow> samples) {
    List<Chart> charts = new ArrayList<>();
    for (ChartSpec spec : family.charts()) {
      spec.render(rows, samples, family.headlineMetric()).ifPresent(png -> charts.add(new Chart(spec.name(), png)));
    }
    return charts;
  }
}
