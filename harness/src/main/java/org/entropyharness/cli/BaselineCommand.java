package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code harness baseline promote}: makes a run the baseline of its suite. */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Manages baselines/<suite>.arrow.", subcommands = BaselineCommand.Promote.class)
final class BaselineCommand {

  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Writes a run's metrics as the baseline of its suite.")
  static final class Promote implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. reports/runs/<run-id>.")
    Path runDir;

    @Option(names = "--suite", description = "Suite to promote when the run holds several (default: the run's only suite).")
    String suite;

    @Option(names = "--force", description = "Replace a baseline whose cells have other fingerprints.")
    boolean force;

    @Option(names = "--baselines", description = "Baselines folder (default: <project>/baselines).")
    Path baselines;

    @Option(names = "--summaries-only", description = "Keep values and intervals, not per-item scores: a far smaller "
        + "file (for large nightly suites) whose gates use the unpaired test on the intervals.")
    boolean summariesOnly;

    @Option(names = "--partial", description = "The run holds only some of the suite's cells (a shard, a selection):"
        + " replace those cells' rows and keep the baseline's other cells.")
    boolean partial;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (baselines != null) {
        org.entropyharness.guard.OutputTargets.folder(baselines, "--baselines");
      }
      org.entropyharness.guard.InputFiles.requireFolder(runDir, "run folder (reports/runs/<run-id> or a merged run)");
      RunDirectory run = new RunDirectory(runDir);
      RunManifest manifest = run.readManifest();
      if (!manifest.complete() && !partial) {
        long done = manifest.cells().stream().filter(c -> "done".equals(c.status())).count();
        throw new IOException(runDir + ": the run holds " + done + " finished of the suite's " + manifest.suiteCells()
            + " cells (shard " + manifest.shard() + "); merge the shards first (harness merge), finish it (harness run"
            + " --resume), or pass --partial to replace only these cells' rows");
      }
      List<MetricRow> rows = run.readMetrics();
      if (summariesOnly) {
        rows = rows.stream().map(MetricRow::withoutItems).toList();
      }
      List<String> suites = rows.stream().map(MetricRow::suite).distinct().toList();
      String chosen = suite != null ? suite : only(suites);
      Baselines store = new Baselines(baselines != null ? baselines : HarnessPaths.fromEnvironment().baselines());
      List<String> changes = store.promote(chosen, rows, force, partial);
      changes.forEach(c -> spec.commandLine().getOut().println("  " + c));
      spec.commandLine().getOut().println("promoted " + runDir + " to " + store.file(chosen));
      return 0;
    }

    private String only(List<String> suites) throws IOException {
      if (suites.size() != 1) {
        throw new IOException(runDir + ": the run holds suites " + suites + "; choose one with --suite");
      }
      return suites.get(0);
    }
  }
}
