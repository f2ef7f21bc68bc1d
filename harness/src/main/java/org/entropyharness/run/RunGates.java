package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.gate.GatePolicy;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.store.Baseline;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.store.StoreException;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;

/**
 * Gates a finished run folder (a merged run of shards, or a run made elsewhere) with the same {@link GatePolicy} a
 * session applies while it runs.
 */
public final class RunGates {
  private RunGates() {}

  /**
   * The suite file a run was made from: its recorded path, or another given path, as long as the file still has the
   * bytes the run recorded.
   *
   * @throws StoreException when the file is gone or has changed since the run
   */
  public static SuiteSpec suiteOf(RunDirectory run, Optional<Path> given) throws IOException {
    RunManifest manifest = run.readManifest();
    Path file = given.orElse(Path.of(manifest.suiteFile()));
    if (!Files.isRegularFile(file)) {
      throw new StoreException(run.manifestFile() + ": the run's suite file " + file + " is not there; pass it with"
          + " --suite");
    }
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(file);
    if (!suite.sha256().equals(manifest.suiteSha256())) {
      throw new StoreException(file + ": changed since the run " + run.root() + " was made (sha256 "
          + suite.sha256().substring(0, 12) + ", the run recorded " + manifest.suiteSha256().substring(0, 12)
          + "); gate with the suite file the run used");
    }
    return suite;
  }

  /** Decides every gate of every cell of the run, in suite order. */
  public static List<GateVerdict> decide(SuiteSpec suite, RunDirectory run, SessionOptions options) throws IOException {
    List<MetricRow> rows = run.readMetrics();
    Optional<Baseline> baseline = new Baselines(options.baselines()).find(suite.name());
    GatePolicy policy = new GatePolicy(options.allowFingerprintMismatch(), options.requireBaselines(),
        FailedTraceCheck.maxShare(suite));
    List<String> ran = run.readManifest().cells().stream().map(RunManifest.CellEntry::id).toList();
    List<GateVerdict> verdicts = new ArrayList<>();
    for (CellSpec cell : suite.cells()) {
      if (!ran.contains(cell.id())) {
        continue;
      }
      List<MetricRow> cellRows = rows.stream().filter(r -> r.cellId().equals(cell.id())).toList();
      for (GateSpec gate : suite.gatesFor(cell)) {
        verdicts.add(policy.decide(gate, cell.id(), cellRows, baseline, "harness baseline promote " + run.root()));
      }
    }
    for (CellGroup group : suite.groups()) {
      List<MetricRow> groupRows = rows.stream().filter(r -> r.cellId().equals(group.id())).toList();
      if (ran.containsAll(group.cells().stream().map(CellSpec::id).toList())) {
        for (GateSpec gate : suite.gatesFor(group)) {
          verdicts.add(policy.decide(gate, group.id(), groupRows, baseline, "harness baseline promote " + run.root()));
        }
      }
    }
    return verdicts;
  }
}
