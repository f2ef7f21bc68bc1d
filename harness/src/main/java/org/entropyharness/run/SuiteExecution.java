package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.RunManifest;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteSpec;

/**
 * Runs a suite's cells into a run folder: each finished cell is stored at once, a resumed run skips the cells that
 * are already stored, and the run's tables are written from the cells at the end.
 */
public final class SuiteExecution {
  private final SuiteSpec suite;
  private final RunDirectory dir;
  private final Shard shard;
  private final Clock clock;

  public SuiteExecution(SuiteSpec suite, RunDirectory dir, Shard shard, Clock clock) {
    this.suite = suite;
    this.dir = dir;
    this.shard = shard;
    this.clock = clock;
  }

  /** The cells of this shard, in suite order. */
  public List<CellSpec> cells() {
    List<CellSpec> all = suite.cells();
    List<CellSpec> mine = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (shard.includes(i)) {
        mine.add(all.get(i));
      }
    }
    return mine;
  }

  private int indexOf(CellSpec cell) {
    return suite.cells().indexOf(cell);
  }

  /** Runs (or resumes) every cell of the shard and returns the run's metric rows. */
  public List<MetricRow> execute(CellRunner runner, RunProgress progress) throws IOException {
    List<CellSpec> cells = cells();
    RunManifest manifest = startManifest(runner, cells);
    for (int i = 0; i < cells.size(); i++) {
      CellSpec cell = cells.get(i);
      if (dir.isDone(cell.id())) {
        progress.endCell(suite.name(), cell.id(), i + 1, cells.size(), "already done (resumed)");
        continue;
      }
      long start = System.nanoTime();
      runCell(runner, cell, progress.startCell(suite.name(), cell.id(), i + 1, cells.size()));
      double seconds = (System.nanoTime() - start) / 1e9;
      manifest = manifest.withCell(new RunManifest.CellEntry(indexOf(cell), cell.id(), runner.fingerprint(cell).value(), "done", seconds));
      dir.writeManifest(manifest);
      progress.endCell(suite.name(), cell.id(), i + 1, cells.size(), String.format(Locale.ROOT, "done in %.1f s", seconds));
    }
    dir.consolidate(cells.stream().map(CellSpec::id).toList());
    dir.writeManifest(manifest.finished(clock.instant()));
    return dir.readMetrics();
  }

  /** Runs one cell and stores it (used by the engine, which reports cell by cell). */
  public void runCell(CellRunner runner, CellSpec cell, CellContext.Progress progress) throws IOException {
    Fingerprint fingerprint = runner.fingerprint(cell);
    CellOutcome outcome = runner.run(cell, new CellContext(dir.cacheDir(), progress));
    Instant now = clock.instant();
    List<MetricRow> rows = outcome.metrics().stream().map(v -> row(cell, fingerprint, v, now)).toList();
    dir.writeCell(cell.id(), rows, outcome.samples());
  }

  private MetricRow row(CellSpec cell, Fingerprint fingerprint, MetricValue v, Instant now) {
    return new MetricRow(suite.name(), suite.family().id(), suite.dataset().string("name", ""), v.slice(),
        modelName(), cell.method().label(), cell.method().id(), cell.method().params().canonicalJson(), cell.seed(),
        cell.id(), v.metric(), v.value(), v.ciLow(), v.ciHigh(), v.n(), v.unit(), v.higherIsBetter(), v.provenance(),
        v.failed(), fingerprint, dir.runId(), Provenance.harnessVersion(), now, v.itemIds(), v.itemValues());
  }

  private String modelName() {
    return suite.model().string("name", suite.model().string("backend", ""));
  }

  private RunManifest startManifest(CellRunner runner, List<CellSpec> cells) throws IOException {
    if (Files.exists(dir.manifestFile())) {
      RunManifest previous = dir.readManifest();
      if (!previous.suiteSha256().equals(suite.sha256())) {
        throw new IOException(dir.manifestFile() + ": the run was started from another version of " + suite.file()
            + "; resume with the same suite file or start a new run");
      }
      return previous;
    }
    List<RunManifest.CellEntry> entries = new ArrayList<>();
    for (CellSpec cell : cells) {
      entries.add(new RunManifest.CellEntry(indexOf(cell), cell.id(), runner.fingerprint(cell).value(), "pending", null));
    }
    RunManifest manifest = new RunManifest(dir.runId(), suite.name(), suite.file().toString(), suite.sha256(),
        Files.readString(suite.file()), shard.toString(), Provenance.versions(), Provenance.hardware(), clock.instant(),
        null, entries);
    dir.writeManifest(manifest);
    return manifest;
  }
}
