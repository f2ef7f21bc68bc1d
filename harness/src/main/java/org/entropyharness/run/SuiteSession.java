package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.gate.FailedTraceCheck;
import org.entropyharness.gate.GatePolicy;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.store.Baseline;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.ModelRef;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.CellGroup;
import org.entropyharness.suite.SuiteSpec;

/**
 * One run of one suite, behind every entry point ({@code harness run}, {@code harness nightly}, the JUnit engine, the
 * Jupiter API): it loads the family's model and data, names the run folder and writes its manifest, runs (or, when
 * resuming, skips) cells and stores each at once, decides gates with the one {@link GatePolicy}, and on close writes
 * the run's tables from its cells. Entry points only choose the cells and report.
 */
public final class SuiteSession implements AutoCloseable {
  private final SuiteSpec suite;
  private final SuiteFamily family;
  private final SessionOptions options;
  private final List<CellSpec> cells;
  private final CellRunner runner;
  private final RunDirectory dir;
  private final Optional<Baseline> baseline;
  private final Map<String, CellResult> results = new LinkedHashMap<>();
  private final Map<String, List<MetricRow>> groupResults = new LinkedHashMap<>();
  private RunManifest manifest;

  private SuiteSession(SuiteSpec suite, SessionOptions options, List<CellSpec> cells, CellRunner runner,
      RunDirectory dir, Optional<Baseline> baseline, RunManifest manifest) {
    this.suite = suite;
    this.family = Families.of(suite);
    this.options = options;
    this.cells = List.copyOf(cells);
    this.runner = runner;
    this.dir = dir;
    this.baseline = baseline;
    this.manifest = manifest;
  }

  /** Why the suite cannot run on this machine (e.g. no model server configured), or empty when it can. */
  public static Optional<String> skipReason(SuiteSpec suite) {
    return Families.of(suite).skipReason(suite);
  }

  /** Opens a session over the cells of the options' shard (or of the run being resumed). */
  public static SuiteSession open(SuiteSpec suite, SessionOptions options) throws IOException {
    return open(suite, options, shardCells(suite, options.shard()));
  }

  /**
   * Opens a session over chosen cells of a suite. The model and data load first, so bad weights or data leave no run
   * folder behind; the baseline is read once.
   *
   * @throws IOException when loading fails, or the run to resume is not a run of this suite file
   */
  public static SuiteSession open(SuiteSpec suite, SessionOptions options, List<CellSpec> chosen) throws IOException {
    SuiteFamily family = Families.of(suite);
    family.check(suite);
    return open(suite, options, chosen, family.open(suite));
  }

  /**
   * Opens a session whose cells run on a given runner instead of the family's (a replay of recorded outcomes, when
   * measuring the harness's own overhead); the session closes it.
   */
  public static SuiteSession open(SuiteSpec suite, SessionOptions options, List<CellSpec> chosen, CellRunner runner)
      throws IOException {
    try {
      Optional<Baseline> baseline = new Baselines(options.baselines()).find(suite.name());
      if (options.resume().isPresent()) {
        RunDirectory dir = new RunDirectory(existing(options.resume().get()));
        RunManifest previous = dir.readManifest();
        if (!previous.suiteSha256().equals(suite.sha256())) {
          throw new IOException(dir.manifestFile() + ": the run was started from another version of " + suite.file()
              + "; resume with the same suite file or start a new run");
        }
        List<CellSpec> resumed = previous.cells().stream().map(e -> cellById(suite, e.id())).toList();
        return new SuiteSession(suite, options, resumed, runner, dir, baseline, previous);
      }
      RunDirectory dir = RunFolders.create(options.runs(), suite, options.shard(), options.clock(),
          runId -> startManifest(suite, options, chosen, runner, runId));
      RunManifest manifest = dir.readManifest();
      return new SuiteSession(suite, options, chosen, runner, dir, baseline, manifest);
    } catch (IOException | RuntimeException e) {
      closeQuietly(runner, e);
      throw e;
    }
  }

  public SuiteSpec suite() {
    return suite;
  }

  public SuiteFamily family() {
    return family;
  }

  public RunDirectory dir() {
    return dir;
  }

  /** The cells of this run, in suite order. */
  public List<CellSpec> cells() {
    return cells;
  }

  /**
   * The cell's result: runs it the first time it is asked for (a cell this run finished before a crash is read back
   * instead) and stores it; a cell that failed throws the same failure again.
   */
  public CellResult run(CellSpec cell, CellContext.Progress progress) throws IOException {
    CellResult known = results.get(cell.id());
    if (known != null) {
      return known.orThrow();
    }
    CellResult result;
    if (dir.isDone(cell.id())) {
      result = CellResult.done(cell, dir.readCellMetrics(cell.id()), true, 0);
    } else {
      result = execute(cell, progress);
    }
    results.put(cell.id(), result);
    return result.orThrow();
  }

  private CellResult execute(CellSpec cell, CellContext.Progress progress) throws IOException {
    long start = System.nanoTime();
    Fingerprint fingerprint = runner.fingerprint(cell);
    try {
      CellOutcome outcome = runner.run(cell, new CellContext(dir.cacheDir(), progress, this::samplesOf));
      List<MetricRow> rows = new CellRows(suite, dir.runId(), options.clock()).of(cell, fingerprint, outcome);
      ModelRef model = CellRows.modelRef(cell);
      dir.writeCell(cell.id(), rows, outcome.samples().stream().map(sample -> sample.of(model)).toList());
      double seconds = (System.nanoTime() - start) / 1e9;
      record(cell, fingerprint, "done", seconds);
      return CellResult.done(cell, rows, false, seconds);
    } catch (IOException | RuntimeException e) {
      record(cell, fingerprint, "failed: " + e.getMessage(), null);
      return CellResult.failed(cell, e);
    }
  }

  /** The samples of a cell, which runs first if it has not (a dependency of another cell, such as its base). */
  private List<SampleRow> samplesOf(CellSpec other) throws IOException {
    run(other, CellContext.Progress.NONE);
    return dir.readCellSamples(other.id());
  }

  /**
   * Runs every cell of the session in order, reporting each; stops at the first cell that fails (the manifest says
   * which and why, and {@code --resume} completes the run).
   */
  public List<CellResult> runAll(RunProgress progress) throws IOException {
    List<CellResult> all = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      CellSpec cell = cells.get(i);
      boolean resumed = dir.isDone(cell.id());
      CellContext.Progress within = resumed ? CellContext.Progress.NONE
          : progress.startCell(suite.name(), cell.id(), i + 1, cells.size());
      CellResult result = run(cell, within);
      progress.endCell(suite.name(), cell.id(), i + 1, cells.size(), resumed ? "already done (resumed)"
          : String.format(java.util.Locale.ROOT, "done in %.1f s", result.seconds()));
      all.add(result);
    }
    return all;
  }

  /** Decides one gate of a cell, running the cell first if it has not run. */
  public GateVerdict gate(CellSpec cell, GateSpec gate) throws IOException {
    CellResult result = run(cell, CellContext.Progress.NONE);
    return new GatePolicy(options.allowFingerprintMismatch(), options.requireBaselines(),
        FailedTraceCheck.maxShare(suite)).decide(gate, cell.id(), result.rows(), baseline, promoteCommand());
  }

  /**
   * A group's rows (a series' entropy–accuracy law, a method's summary over seeds), running the group's cells that
   * have not run.
   */
  public List<MetricRow> groupRows(CellGroup group) throws IOException {
    List<MetricRow> known = groupResults.get(group.id());
    if (known != null) {
      return known;
    }
    List<List<MetricRow>> rows = new ArrayList<>();
    for (CellSpec cell : group.cells()) {
      rows.add(run(cell, CellContext.Progress.NONE).rows());
    }
    List<MetricRow> out = new CellRows(suite, dir.runId(), options.clock()).ofGroup(group, family, rows);
    groupResults.put(group.id(), out);
    return out;
  }

  /** Decides one gate of a group, running its cells first if they have not run. */
  public GateVerdict gate(CellGroup group, GateSpec gate) throws IOException {
    return new GatePolicy(options.allowFingerprintMismatch(), options.requireBaselines(),
        FailedTraceCheck.maxShare(suite)).decide(gate, group.id(), groupRows(group), baseline, promoteCommand());
  }

  /** Decides every gate of a group. */
  public List<GateVerdict> gates(CellGroup group) throws IOException {
    List<GateVerdict> verdicts = new ArrayList<>();
    for (GateSpec gate : suite.gatesFor(group)) {
      verdicts.add(gate(group, gate));
    }
    return verdicts;
  }

  /** Decides every gate of a cell. */
  public List<GateVerdict> gates(CellSpec cell) throws IOException {
    List<GateVerdict> verdicts = new ArrayList<>();
    for (GateSpec gate : suite.gatesFor(cell)) {
      verdicts.add(gate(cell, gate));
    }
    return verdicts;
  }

  /** The command that makes this run the suite's baseline. */
  public String promoteCommand() {
    return "harness baseline promote " + dir.root();
  }

  /**
   * Writes the run's tables from the cells that finished, in suite order, and closes the model; the manifest is marked
   * finished when every cell of the run is done.
   */
  @Override
  public void close() throws IOException {
    try {
      List<String> done = cells.stream().map(CellSpec::id).filter(dir::isDone).toList();
      dir.consolidate(done, finishedGroupRows(done));
      if (done.size() == cells.size()) {
        manifest = manifest.finished(options.clock().instant());
        dir.writeManifest(manifest);
      }
    } finally {
      try {
        runner.close();
      } catch (Exception e) {
        throw new IOException("closing the model of " + suite.name() + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** The rows of every group whose cells all ran in this run (a shard holds only some: merge computes them). */
  private List<MetricRow> finishedGroupRows(List<String> done) throws IOException {
    List<MetricRow> out = new ArrayList<>();
    for (CellGroup group : suite.groups()) {
      if (group.cells().stream().allMatch(c -> done.contains(c.id()))) {
        out.addAll(groupRows(group));
      }
    }
    return out;
  }

  private void record(CellSpec cell, Fingerprint fingerprint, String status, Double seconds) throws IOException {
    manifest = manifest.withCell(new RunManifest.CellEntry(suite.cells().indexOf(cell), cell.id(), fingerprint.value(),
        status, seconds));
    dir.writeManifest(manifest);
  }

  private static RunManifest startManifest(SuiteSpec suite, SessionOptions options, List<CellSpec> chosen,
      CellRunner runner, String runId) throws IOException {
    List<RunManifest.CellEntry> entries = new ArrayList<>();
    for (CellSpec cell : chosen) {
      entries.add(new RunManifest.CellEntry(suite.cells().indexOf(cell), cell.id(), runner.fingerprint(cell).value(),
          "pending", null));
    }
    return new RunManifest(runId, suite.name(), suite.file().toString(), suite.sha256(),
        Files.readString(suite.file()), options.shard().toString(), suite.cells().size(), Provenance.versions(),
        Provenance.hardware(), options.clock().instant(), null, entries);
  }

  private static List<CellSpec> shardCells(SuiteSpec suite, Shard shard) {
    List<CellSpec> all = suite.cells();
    List<CellSpec> mine = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (shard.includes(i)) {
        mine.add(all.get(i));
      }
    }
    return mine;
  }

  private static CellSpec cellById(SuiteSpec suite, String id) {
    return suite.cells().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the run's cell " + id + " is not in " + suite.file()));
  }

  private static Path existing(Path runDir) {
    if (!Files.isDirectory(runDir) || !Files.isRegularFile(runDir.resolve("manifest.json"))) {
      throw new IllegalArgumentException("--resume " + runDir + ": not a run folder (no manifest.json); give the"
          + " folder the interrupted run printed, under reports/runs/");
    }
    return runDir;
  }

  private static void closeQuietly(CellRunner runner, Exception cause) {
    try {
      runner.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
