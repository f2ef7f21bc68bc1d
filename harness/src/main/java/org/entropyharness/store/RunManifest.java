package org.entropyharness.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a run: what ran, on what, with which versions, and how each cell went.
 *
 * @param runId run id (the folder name)
 * @param suite suite name
 * @param suiteFile the suite file as given
 * @param suiteSha256 hash of the suite file's bytes
 * @param suiteText the suite file's text, so the run can be understood without the repository
 * @param shard {@code K/N} when the run is one shard of a suite, else {@code 1/1}
 * @param suiteCells how many cells the whole suite has (a run of fewer cells is a part: a shard or a selection)
 * @param versions harness, JDK, DJL, PyTorch native, Arrow
 * @param hardware OS, architecture, cores, memory
 * @param startedAt when the run started
 * @param finishedAt when the run completed; null while it runs or after a crash
 * @param cells one entry per cell in suite order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
    @JsonProperty("run_id") String runId,
    String suite,
    @JsonProperty("suite_file") String suiteFile,
    @JsonProperty("suite_sha256") String suiteSha256,
    @JsonProperty("suite_text") String suiteText,
    String shard,
    @JsonProperty("suite_cells") int suiteCells,
    Map<String, String> versions,
    Map<String, String> hardware,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    List<CellEntry> cells) {

  public RunManifest {
    cells = List.copyOf(cells);
    versions = Map.copyOf(versions);
    hardware = Map.copyOf(hardware);
  }

  /**
   * A cell's status in the run.
   *
   * @param index the cell's position in the whole suite (shards keep the suite's numbering)
   * @param id cell id
   * @param fingerprint combined fingerprint
   * @param status {@code pending}, {@code done} or {@code failed: …}
   * @param seconds wall time of the cell, when done
   */
  public record CellEntry(int index, String id, String fingerprint, String status, Double seconds) {}

  /** The same manifest with one cell's entry replaced. */
  public RunManifest withCell(CellEntry entry) {
    List<CellEntry> updated = cells.stream().map(c -> c.id().equals(entry.id()) ? entry : c).toList();
    return new RunManifest(runId, suite, suiteFile, suiteSha256, suiteText, shard, suiteCells, versions, hardware,
        startedAt, finishedAt, updated);
  }

  /** Whether the run holds every cell of its suite, each done: only such a run can be the whole baseline. */
  public boolean complete() {
    return finishedAt != null && cells.size() == suiteCells && cells.stream().allMatch(c -> "done".equals(c.status()));
  }

  /** The same manifest marked finished. */
  public RunManifest finished(Instant at) {
    return new RunManifest(runId, suite, suiteFile, suiteSha256, suiteText, shard, suiteCells, versions, hardware,
        startedAt, at, cells);
  }
}
