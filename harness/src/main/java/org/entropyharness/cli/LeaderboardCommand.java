package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.entropyharness.guard.OutputTargets;
import org.entropyharness.report.Leaderboard;
import org.entropyharness.report.MainMetrics;
import org.entropyharness.report.SuiteBoard;
import org.entropyharness.run.Families;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code harness leaderboard}: renders the static leaderboard site and its Markdown summary from a history folder. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, description = "Renders the nightly leaderboard (HTML + PNG charts + Markdown) from a history folder.")
final class LeaderboardCommand implements Callable<Integer> {
  @Option(names = "--history", required = true, paramLabel = "DIR", description = "History folder (<yyyy-mm-dd>.arrow files).")
  Path history;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where index.html, the suite pages, charts/ and leaderboard.md go.")
  Path out;

  @Option(names = "--baselines", paramLabel = "DIR", description = "Baselines folder (<suite>.arrow) to compare with.")
  Path baselines;

  @Option(names = "--runs", paramLabel = "DIR", description = "Run folders, for links to a run's Arrow files and sample charts.")
  Path runs;

  @Option(names = "--suites", paramLabel = "DIR", description = "Suite files (*.yaml) whose first gated metric ranks each suite.")
  Path suites;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputTargets.folder(out, "--out");
    List<SuiteSpec> specs = suites == null ? List.of() : loadAll(suites);
    Leaderboard board = Leaderboard.of(history, out).withMainMetrics(MainMetrics.of(specs));
    board = baselines == null ? board : board.withBaselines(baselines);
    board = runs == null ? board : board.withRuns(runs);
    print(spec.commandLine().getOut(), board.render());
    return 0;
  }

  /** One line per suite, then where the site is. */
  static void print(PrintWriter out, Leaderboard.Result result) {
    for (SuiteBoard b : result.boards()) {
      SuiteBoard.Standing leader = b.leader();
      out.println(org.entropyharness.guard.Printable.escape(String.format("%s (%s): leader %s %s %s; %d regressed",
          b.suite(), b.night(), leader.method(), b.metric(), leader.value(), b.regressions())));
    }
    out.println("leaderboard: " + result.index());
    out.println("summary: " + result.markdown());
  }

  /** The suite files directly in a folder, in name order. */
  static List<SuiteSpec> loadAll(Path dir) throws IOException {
    org.entropyharness.guard.InputFiles.requireFolder(dir, "folder that holds the suite files (--suites)");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    SuiteLoader loader = new SuiteLoader(Families.ALL);
    List<SuiteSpec> specs = new ArrayList<>();
    for (Path f : files) {
      specs.add(loader.load(f));
    }
    return specs;
  }
}
