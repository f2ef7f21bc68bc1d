package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.entropyharness.gate.GateDecision;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.RunGates;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness gate RUN_DIR}: gates a finished run folder (e.g. merged shards) against the suite's baseline. */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = "Gates a finished run folder against its suite's baseline; exit code 1 when a gate fails.")
final class GateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. reports/runs/<run-id> or a merged run.")
  Path runDir;

  @Option(names = "--suite", paramLabel = "FILE", description = "The suite file, when it is not where the run recorded it.")
  Path suiteFile;

  @Option(names = "--baselines", paramLabel = "DIR", description = "Baselines folder (default: <project>/baselines).")
  Path baselines;

  @Option(names = "--allow-fingerprint-mismatch", description = "Gate against baselines that measured something else.")
  boolean allowMismatch;

  @Option(names = "--require-baselines", description = "A suite without a baseline file fails its gates instead of skipping them.")
  boolean requireBaselines;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    org.entropyharness.guard.InputFiles.requireFolder(runDir, "run folder (reports/runs/<run-id> or a merged run)");
    if (baselines != null) {
      org.entropyharness.guard.InputFiles.requireFolder(baselines, "baselines folder");
    }
    RunDirectory run = new RunDirectory(runDir);
    SuiteSpec suite = RunGates.suiteOf(run, Optional.ofNullable(suiteFile));
    SessionOptions options = SessionOptions.defaults(HarnessPaths.fromEnvironment())
        .allowingFingerprintMismatch(allowMismatch)
        .requiringBaselines(requireBaselines);
    options = baselines == null ? options : options.withBaselines(baselines);
    List<GateVerdict> verdicts = RunGates.decide(suite, run, options);
    PrintWriter out = spec.commandLine().getOut();
    verdicts.forEach(v -> out.println(org.entropyharness.guard.Printable.escape("gate " + suite.name() + " "
        + v.summary())));
    boolean failed = verdicts.stream().anyMatch(v -> v.decision().verdict() == GateDecision.Verdict.FAILED);
    return failed ? 1 : 0;
  }
}
