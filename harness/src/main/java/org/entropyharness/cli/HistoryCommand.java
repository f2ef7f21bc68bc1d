package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.History;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness history append}: adds finished runs (e.g. a merged sharded run) to a night of the nightly history. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Manages the nightly history (<night>.arrow files).", subcommands = HistoryCommand.Append.class)
final class HistoryCommand {

  @Command(name = "append", mixinStandardHelpOptions = true, description = "Adds the metrics of finished run folders to a night of the history.")
  static final class Append implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Finished run folders.")
    List<Path> runDirs;

    @Option(names = "--history", paramLabel = "DIR", description = "History folder (default: <project>/reports/history).")
    Path history;

    @Option(names = "--night", paramLabel = "YYYY-MM-DD", description = "The night to file the results under (default: today, UTC).")
    LocalDate night;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (history != null) {
        org.entropyharness.guard.OutputTargets.folder(history, "--history");
      }
      List<MetricRow> rows = new ArrayList<>();
      for (Path dir : runDirs) {
        org.entropyharness.guard.InputFiles.requireFolder(dir, "run folder (reports/runs/<run-id> or a merged run)");
        RunDirectory run = new RunDirectory(dir);
        RunManifest manifest = run.readManifest();
        if (manifest.finishedAt() == null) {
          throw new IOException(dir + ": the run has not finished; complete it first (harness run "
              + manifest.suiteFile() + " --resume " + dir + ")");
        }
        rows.addAll(run.readMetrics());
      }
      History store = new History(history != null ? history
          : HarnessPaths.fromEnvironment().root().resolve("reports").resolve("history"));
      LocalDate date = night != null ? night : LocalDate.now(Clock.systemUTC());
      store.append(date, rows);
      spec.commandLine().getOut().println("history: " + rows.size() + " rows added to " + store.file(date));
      return 0;
    }
  }
}
