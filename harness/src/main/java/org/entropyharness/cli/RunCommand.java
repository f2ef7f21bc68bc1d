package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.gate.SuiteGates;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.CellRunners;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.MethodRegistry;
import org.entropyharness.run.RunProgress;
import org.entropyharness.run.Shard;
import org.entropyharness.run.SuiteExecution;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness run}: runs suites into run folders, prints their results and gates them against the baselines. */
@Command(name = "run", description = "Runs suite files; exit code 1 when a gate finds a regression.")
final class RunCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SuiteLoader loader = new SuiteLoader(MethodRegistry.INSTANCE);
    List<SuiteSpec> suites = new ArrayList<>();
    for (Path file : files) {
      SuiteSpec suite = loader.load(file);
      CellRunners.check(suite);
      suites.add(suite);
    }
    if (resume != null && suites.size() != 1) {
      throw new IllegalArgumentException("--resume takes exactly one suite file, the one the run was started with");
    }
    boolean regressed = false;
    for (SuiteSpec suite : suites) {
      regressed |= runOne(suite);
    }
    return regressed ? 1 : 0;
  }

  private boolean runOne(SuiteSpec suite) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    var skip = CellRunners.skipReason(suite);
    if (skip.isPresent()) {
      out.println(suite.name() + ": skipped, " + skip.get());
      return false;
    }
    HarnessPaths paths = HarnessPaths.fromEnvironment();
    Shard part = Shard.parse(shard);
    List<MetricRow> rows;
    RunDirectory dir;
    // The model and data load before the run folder exists: bad weights or data leave nothing behind.
    try (CellRunner runner = CellRunners.open(suite); RunProgress progress = RunProgress.forConsole()) {
      dir = new RunDirectory(resume != null ? existing(resume) : newRunDir(suite, part, paths));
      rows = new SuiteExecution(suite, dir, part, Clock.systemUTC()).execute(runner, progress);
    }
    out.println(ResultsTable.render(suite, rows));
    out.println("results: " + dir.root());
    List<MetricRow> baseline = new Baselines(paths.baselines()).read(suite.name()).orElse(List.of());
    boolean regressed = false;
    for (var cell : suite.cells()) {
      var broken = FailedTraceCheck.reason(suite, rows.stream().filter(r -> r.cellId().equals(cell.id())).toList());
      if (broken.isPresent()) {
        out.println("check " + cell.id() + " FAILED: " + broken.get());
        regressed = true;
      }
    }
    for (SuiteGates.Verdict v : SuiteGates.decide(suite, rows, baseline, allowMismatch)) {
      out.println("gate " + v.summary());
      regressed |= !v.decision().passes();
    }
    return regressed;
  }

  private static Path existing(Path runDir) {
    if (!Files.isDirectory(runDir)) {
      throw new IllegalArgumentException("--resume " + runDir + ": no such run folder; give the folder the"
          + " interrupted run printed, under reports/runs/");
    }
    return runDir;
  }

  private Path newRunDir(SuiteSpec suite, Shard part, HarnessPaths paths) throws IOException {
    Path root = runs != null ? runs : paths.runs();
    String id = suite.name() + "-" + STAMP.format(Clock.systemUTC().instant())
        + (part.count() > 1 ? "-shard" + part.index() + "of" + part.count() : "");
    Path dir = root.resolve(id);
    for (int n = 2; Files.exists(dir); n++) {
      dir = root.resolve(id + "-" + n);
    }
    return Files.createDirectories(dir);
  }
}
