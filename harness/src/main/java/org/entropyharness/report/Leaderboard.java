package org.entropyharness.report;

import org.entropyharness.store.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.store.History.Night;
import org.entropyharness.report.SuiteBoard.Link;
import org.entropyharness.store.AtomicFiles;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.StoreException;

/**
 * Renders the nightly leaderboard: a static site ({@code index.html}, one page per suite, PNG charts; no external
 * resources, so it works from {@code file://}) and a Markdown summary ({@code leaderboard.md}).
 *
 * @param history the history folder ({@code <yyyy-mm-dd>.arrow} files)
 * @param out where the site goes
 * @param baselines the baselines folder, or null for none
 * @param runs the run folders, for links to a run's Arrow files and its samples; null for none
 * @param mainMetrics suite name → main metric (the first gated one); suites not listed use the family's headline
 */
public record Leaderboard(Path history, Path out, Path baselines, Path runs, Map<String, String> mainMetrics) {

  public Leaderboard {
    mainMetrics = Map.copyOf(mainMetrics);
  }

  /** A leaderboard of a history folder into an output folder, without baselines. */
  public static Leaderboard of(Path history, Path out) {
    return new Leaderboard(history, out, null, null, Map.of());
  }

  public Leaderboard withBaselines(Path dir) {
    return new Leaderboard(history, out, dir, runs, mainMetrics);
  }

  public Leaderboard withRuns(Path dir) {
    return new Leaderboard(history, out, baselines, dir, mainMetrics);
  }

  public Leaderboard withMainMetrics(Map<String, String> metrics) {
    return new Leaderboard(history, out, baselines, runs, metrics);
  }

  /**
   * What was rendered.
   *
   * @param index the site's entry page
   * @param markdown the Markdown summary
   * @param boards one per suite, in name order
   */
  public record Result(Path index, Path markdown, List<SuiteBoard> boards) {
    public Result {
      boards = List.copyOf(boards);
    }
  }

  /**
   * Renders the site.
   *
   * @throws StoreException when a history or baseline file cannot be read (the message names the file)
   * @throws IllegalArgumentException when the history folder has no night
   */
  public Result render() throws IOException {
    List<Night> nights = new History(history).nights();
    if (nights.isEmpty()) {
      throw new IllegalArgumentException(history + ": no nights (<yyyy-mm-dd>.arrow files) in the history folder; "
          + "run `harness nightly` first or point --history at a folder that has them");
    }
    Files.createDirectories(out.resolve("charts"));
    List<SuiteBoard> boards = new ArrayList<>();
    for (String suite : suites(nights)) {
      List<MetricRow> base = baselines == null ? List.of() : new Baselines(baselines).read(suite).orElse(List.of());
      List<MetricRow> latest = latestRows(nights, suite);
      boards.add(SuiteBoards.build(suite, nights, base, mainMetrics.get(suite), SuiteBoards.slug(suite), this::links,
          LeaderboardSite.samples(runs, latest)));
    }
    return new LeaderboardSite(out, nights, runs).write(boards);
  }

  private static List<MetricRow> latestRows(List<Night> nights, String suite) {
    for (int i = nights.size() - 1; i >= 0; i--) {
      List<MetricRow> rows = SuiteBoards.of(nights.get(i), suite);
      if (!rows.isEmpty()) {
        return rows;
      }
    }
    return List.of();
  }

  private static List<String> suites(List<Night> nights) {
    Set<String> names = new java.util.TreeSet<>();
    nights.forEach(n -> n.rows().forEach(r -> names.add(r.suite())));
    return new ArrayList<>(names);
  }

  /** Relative links to the Arrow files behind a cell's row: the night's history file, and the run's tables. */
  private List<Link> links(Night night, MetricRow row) {
    Set<Link> links = new LinkedHashSet<>();
    links.add(new Link("history " + night.date(), relative(night.file())));
    runDir(row.runId()).ifPresent(dir -> {
      for (String table : List.of("metrics.arrow", "samples.arrow", "manifest.json")) {
        if (Files.isRegularFile(dir.resolve(table))) {
          links.add(new Link("run " + table, relative(dir.resolve(table))));
        }
      }
    });
    return new ArrayList<>(links);
  }

  Optional<Path> runDir(String runId) {
    if (runs == null || runId.isEmpty() || runId.contains("/") || runId.contains("\\") || runId.startsWith(".")) {
      return Optional.empty();
    }
    Path dir = runs.resolve(runId);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  private String relative(Path target) {
    Path rel = out.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
    StringBuilder href = new StringBuilder();
    for (Path part : rel) {
      href.append(href.length() == 0 ? "" : "/").append(java.net.URLEncoder.encode(part.toString(), StandardCharsets.UTF_8)
          .replace("+", "%20"));
    }
    return href.toString();
  }

  static void writeText(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
