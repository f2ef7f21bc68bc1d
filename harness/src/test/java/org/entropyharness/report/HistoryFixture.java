package org.entropyharness.report;

import org.entropyharness.store.History;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;

/**
 * The committed test history: three nights of two suites (TTA with four methods, reasoning with four strategies),
 * built from fixed values, plus a baseline (the first night). Night three has a clear regression (tent) and a clear
 * improvement (self-consistency). Regenerate with {@code main}, run from the harness folder.
 */
public final class HistoryFixture {
  public static final String TTA = "cifar10c-tta-nightly";
  public static final String REASONING = "gsm8k-reasoning-nightly";
  public static final List<LocalDate> NIGHTS =
      List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));
  static final String[] CORRUPTIONS = {"gaussian_noise", "shot_noise", "defocus_blur", "fog", "jpeg_compression"};
  static final double[] CORRUPTION_FACTOR = {1.35, 1.25, 0.8, 0.9, 1.05};
  private static final int ITEMS = 400;

  private HistoryFixture() {}

  /** TTA error of each method on each night. */
  static final Map<String, double[]> TTA_ERROR = ordered(
      "source", new double[] {0.432, 0.432, 0.432},
      "bn-adapt", new double[] {0.214, 0.216, 0.213},
      "tent", new double[] {0.183, 0.181, 0.262},
      "eata", new double[] {0.176, 0.174, 0.171});

  /** Reasoning accuracy of each strategy on each night. */
  static final Map<String, double[]> ACCURACY = ordered(
      "greedy", new double[] {0.62, 0.62, 0.62},
      "entropy-temp", new double[] {0.655, 0.656, 0.656},
      "self-consistency", new double[] {0.70, 0.705, 0.80},
      "deepconf", new double[] {0.74, 0.735, 0.745});

  /** Every night's rows. */
  /** The rows of one suite on the last night. */
  public static List<MetricRow> lastNight(String suite) {
    return nights().get(NIGHTS.get(2)).stream().filter(r -> r.suite().equals(suite)).toList();
  }

  public static Map<LocalDate, List<MetricRow>> nights() {
    Map<LocalDate, List<MetricRow>> nights = new LinkedHashMap<>();
    for (int night = 0; night < NIGHTS.size(); night++) {
      List<MetricRow> rows = new ArrayList<>();
      final int n = night;
      TTA_ERROR.forEach((method, errors) -> rows.addAll(tta(method, errors[n], NIGHTS.get(n))));
      ACCURACY.forEach((method, acc) -> rows.addAll(reasoning(method, acc[n], NIGHTS.get(n))));
      nights.put(NIGHTS.get(night), rows);
    }
    return nights;
  }

  /** The baseline of a suite: its rows of the first night. */
  public static List<MetricRow> baseline(String suite) {
    return nights().get(NIGHTS.get(0)).stream().filter(r -> r.suite().equals(suite)).toList();
  }

  private static List<MetricRow> tta(String method, double error, LocalDate night) {
    List<MetricRow> rows = new ArrayList<>();
    Cell c = new Cell(TTA, "tta", "cifar10-c", "resnet20", method, night);
    rows.add(c.items("all", "error", error, "rate", false));
    rows.add(c.plain("all", "ece", error * 0.3, 0.01, "rate", false, ITEMS));
    rows.add(c.plain("all", "entropy", 0.2 + error, 0.02, "nats", false, ITEMS));
    for (int i = 0; i < CORRUPTIONS.length; i++) {
      for (int severity : new int[] {3, 5}) {
        double v = Math.min(0.95, error * CORRUPTION_FACTOR[i] * (severity == 5 ? 1.15 : 0.8));
        rows.add(c.plain(CORRUPTIONS[i] + "/" + severity, "error", v, 0.03, "rate", false, 200));
      }
    }
    return rows;
  }

  private static List<MetricRow> reasoning(String method, double accuracy, LocalDate night) {
    List<MetricRow> rows = new ArrayList<>();
    Cell c = new Cell(REASONING, "reasoning", "gsm8k", "qwen2.5-0.5b-instruct", method, night);
    rows.add(c.items("all", "accuracy", accuracy, "rate", true));
    for (int k : new int[] {1, 2, 4, 8}) {
      double pass = 1 - Math.pow(1 - accuracy * 0.93, 1 + 0.8 * (k - 1));
      rows.add(c.plain("all", "pass@" + k, pass, 0.02, "rate", true, ITEMS));
    }
    double tokens = switch (method) {
      case "greedy" -> 212;
      case "entropy-temp" -> 236;
      case "self-consistency" -> 1840;
      default -> 1120;
    };
    rows.add(c.plain("all", "tokens", tokens, 12, "tokens", false, ITEMS));
    rows.add(c.plain("all", "entropy", 0.9 - accuracy * 0.6, 0.02, "nats", false, ITEMS));
    for (int level = 1; level <= 3; level++) {
      rows.add(c.plain("L" + level, "accuracy", Math.max(0, accuracy - 0.12 * (level - 2)), 0.05, "rate", true, 130));
    }
    return rows;
  }

  /** A cell on a night; per-item scores come from one fixed uniform draw per item, so nights pair tightly. */
  private record Cell(String suite, String family, String dataset, String model, String method, LocalDate night) {
    MetricRow items(String slice, String metric, double target, String unit, boolean higher) {
      Random random = new Random(method.hashCode());
      List<String> ids = new ArrayList<>();
      double[] values = new double[ITEMS];
      for (int i = 0; i < ITEMS; i++) {
        ids.add("item-" + i);
        boolean hit = random.nextDouble() < target;
        values[i] = hit ? 1 : 0;
      }
      double mean = java.util.Arrays.stream(values).average().orElseThrow();
      double se = Math.sqrt(mean * (1 - mean) / ITEMS) * 1.96;
      return row(slice, metric, mean, mean - se, mean + se, ITEMS, unit, higher, ids, values);
    }

    MetricRow plain(String slice, String metric, double value, double half, String unit, boolean higher, long n) {
      double low = value - half;
      double high = value + half;
      if ("rate".equals(unit)) {
        low = Math.max(0, low);
        high = Math.min(1, high);
      }
      return row(slice, metric, value, low, high, n, unit, higher, List.of(), new double[0]);
    }

    private MetricRow row(String slice, String metric, double value, double low, double high, long n, String unit,
        boolean higher, List<String> ids, double[] values) {
      Fingerprint fp = new Fingerprint(Fingerprint.sha256(dataset), Fingerprint.sha256(model),
          Fingerprint.sha256(method), "1", Fingerprint.sha256("protocol"));
      Instant at = night.atTime(2, 0).toInstant(ZoneOffset.UTC);
      String runId = suite + "-" + night.toString().replace("-", "") + "T020000";
      return new MetricRow(suite, family, dataset, slice, model, method, method, "{}", 1, method + "@1", metric, value,
          low, high, n, unit, higher, "", 0, fp, runId, "0.1.0", at, ids, values);
    }
  }

  @SafeVarargs
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) pairs[i + 1];
      map.put((String) pairs[i], v);
    }
    return map;
  }

  /** Writes the fixture into {@code src/test/resources/report/} (run from the harness folder). */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "src/test/resources/report"));
  }

  /** Writes {@code history/<night>.arrow} and {@code baselines/<suite>.arrow} under a folder. */
  public static void write(Path root) throws IOException {
    History history = new History(root.resolve("history"));
    for (var night : nights().entrySet()) {
      history.append(night.getKey(), night.getValue());
    }
    for (String suite : List.of(TTA, REASONING)) {
      ArrowTables.write(root.resolve("baselines").resolve(suite + ".arrow"), MetricRow.TABLE, baseline(suite));
    }
  }
}
