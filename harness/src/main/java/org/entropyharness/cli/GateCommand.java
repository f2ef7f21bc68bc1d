package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.entropyharness.gate.SuiteGates;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness gate}: decides the gates of finished run folders (a merged run, a run from another machine) against
 * the baselines, as {@code harness run} does right after running.
 */
@Command(name = "gate", description = "Gates finished run folders against their suites' baselines; exit code 1 on a regression.")
final class GateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Finished run folders (run, or merge --out).")
  List<Path> runDirs;

  @Option(names = "--require-baselines", description = "Fail a suite that has gates but no baseline yet.")
  boolean requireBaselines;

  @Option(names = "--baselines", paramLabel = "DIR", description = "Baselines folder (default: <project>/baselines).")
  Path baselines;

  @Option(names = "--allow-fingerprint-mismatch", description = "Gate against baselines that measured something else.")
  boolean allowMismatch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Baselines store = new Baselines(baselines != null ? baselines : HarnessPaths.fromEnvironment().baselines());
    boolean failed = false;
    for (Path dir : runDirs) {
      failed |= gate(new RunDirectory(dir), store);
    }
    return failed ? 1 : 0;
  }

  /** Prints the run's verdicts; true when one fails. */
  private boolean gate(RunDirectory run, Baselines store) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SuiteSpec suite = SuiteOfRun.load(SuiteOfRun.finished(run));
    List<MetricRow> rows = run.readMetrics();
    Optional<List<MetricRow>> baseline = store.read(suite.name());
    if (baseline.isEmpty() && requireBaselines && !suite.gates().isEmpty()) {
      out.println("gate " + suite.name() + ": no baseline " + store.file(suite.name()) + "; create one with: harness"
          + " baseline promote " + run.root());
      return true;
    }
    boolean regressed = false;
    for (SuiteGates.Verdict v : SuiteGates.decide(suite, rows, baseline.orElse(List.of()), allowMismatch)) {
      out.println("gate " + suite.name() + " " + v.summary());
      regressed |= !v.decision().passes();
    }
    return regressed;
  }
}
