package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.store.History;
import org.entropyharness.report.Leaderboard;
import org.entropyharness.report.MainMetrics;
import org.entropyharness.run.Families;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteSpec;
import org.entropyharness.suite.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness nightly}: runs the suites of a tier, adds their metrics to tonight's history file and renders the
 * leaderboard. A suite that cannot run is reported and skipped, so the others still reach the history; the exit code
 * is then 1, as it is when a gate finds a regression.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Runs the nightly suites, appends tonight's metrics to the history and renders the leaderboard.")
final class NightlyCommand implements Callable<Integer> {
  @Option(names = "--tier", defaultValue = "nightly", paramLabel = "TIER", description = "Tier of the suites to run (default ${DEFAULT-VALUE}).")
  String tier;

  @Option(names = "--suites", paramLabel = "DIR", description = "Folder of suite files (default: <project>/suites).")
  Path suites;

  @Option(names = "--history", paramLabel = "DIR", description = "History folder (default: <project>/reports/history).")
  Path history;

  @Option(names = "--out", paramLabel = "DIR", description = "Leaderboard folder (default: <project>/reports/leaderboard).")
  Path out;

  @Option(names = "--runs", paramLabel = "DIR", description = "Where run folders go (default: <project>/reports/runs).")
  Path runs;

  @Option(names = "--night", paramLabel = "YYYY-MM-DD", description = "The night to file the results under (default: today, UTC).")
  LocalDate night;

  @Option(names = "--require-baselines", description = "A suite without a baseline file fails its gates instead of skipping them.")
  boolean requireBaselines;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    HarnessPaths paths = HarnessPaths.fromEnvironment();
    Path suiteDir = suites != null ? suites : paths.root().resolve("suites");
    Path historyDir = history != null ? history : paths.root().resolve("reports").resolve("history");
    Path runRoot = runs != null ? runs : paths.runs();
    Tier wanted = Tier.fromId(tier);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SuiteSpec> all = LeaderboardCommand.loadAll(suiteDir);
    List<SuiteSpec> chosen = all.stream().filter(s -> s.tier() == wanted).toList();
    out.println(chosen.size() + " " + wanted.id() + " suites in " + suiteDir);
    boolean failed = false;
    List<MetricRow> tonight = new ArrayList<>();
    SessionOptions options = SessionOptions.defaults(paths).withRuns(runRoot).requiringBaselines(requireBaselines);
    for (SuiteSpec suite : chosen) {
      try {
        Families.of(suite).check(suite);
        SuiteRuns.Outcome outcome = SuiteRuns.runAndGate(suite, options, out);
        failed |= outcome.failed();
        tonight.addAll(outcome.rows());
      } catch (IOException | RuntimeException e) {
        err.println("nightly: " + suite.name() + " did not run: " + e.getMessage());
        failed = true;
      }
    }
    LocalDate date = night != null ? night : LocalDate.now(Clock.systemUTC());
    if (!tonight.isEmpty()) {
      new History(historyDir).append(date, tonight);
      out.println("history: " + tonight.size() + " rows added to " + new History(historyDir).file(date));
    }
    if (new History(historyDir).nights().isEmpty()) {
      err.println("nightly: no history yet in " + historyDir + "; no leaderboard rendered");
      return 1;
    }
    Path site = this.out != null ? this.out : paths.root().resolve("reports").resolve("leaderboard");
    Leaderboard board = Leaderboard.of(historyDir, site).withBaselines(paths.baselines()).withRuns(runRoot).withMainMetrics(MainMetrics.of(all));
    LeaderboardCommand.print(out, board.render());
    return failed ? 1 : 0;
  }
}
