package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.run.Families;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.Shard;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness run}: runs suites into run folders, prints their results and gates them against the baselines. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs suite files; exit code 1 when a gate fails (a regression, or a value it needs is missing).")
final class RunCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SUITE", description = "Suite files (*.yaml).")
  List<Path> files;

  @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Complete an interrupted run of the (single) suite in this folder.")
  Path resume;

  @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1", description = "Run only shard K of N of each suite's cells (default ${DEFAULT-VALUE}).")
  String shard;

  @Option(names = "--runs", paramLabel = "DIR", description = "Where run folders go (default: <project>/reports/runs).")
  Path runs;

  @Option(names = "--allow-fingerprint-mismatch", description = "Gate against baselines that measured something else.")
  boolean allowMismatch;

  @Option(names = "--require-baselines", description = "A suite without a baseline file fails its gates instead of skipping them (for CI).")
  boolean requireBaselines;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (runs != null) {
      org.entropyharness.guard.OutputTargets.folder(runs, "--runs");
    }
    if (resume != null) {
      org.entropyharness.guard.InputFiles.requireFolder(resume, "run folder to resume");
    }
    SuiteLoader loader = new SuiteLoader(Families.ALL);
    List<SuiteSpec> suites = new ArrayList<>();
    for (Path file : files) {
      SuiteSpec suite = loader.load(file);
      Families.of(suite).check(suite);
      suites.add(suite);
    }
    if (resume != null && suites.size() != 1) {
      throw new IllegalArgumentException("--resume takes exactly one suite file, the one the run was started with");
    }
    SessionOptions options = options();
    boolean failed = false;
    for (SuiteSpec suite : suites) {
      failed |= SuiteRuns.runAndGate(suite, options, spec.commandLine().getOut()).failed();
    }
    return failed ? 1 : 0;
  }

  private Shard shard() {
    try {
      return Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--shard: " + e.getMessage()
          .replaceFirst("^--shard ", ""));
    }
  }

  private SessionOptions options() {
    SessionOptions options = SessionOptions.defaults(HarnessPaths.fromEnvironment())
        .withShard(shard())
        .allowingFingerprintMismatch(allowMismatch)
        .requiringBaselines(requireBaselines);
    options = runs == null ? options : options.withRuns(runs);
    return resume == null ? options : options.resuming(resume);
  }
}
