package org.entropyharness.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyharness.guard.FileKind;
import org.entropyharness.guard.InputFiles;
import org.entropyharness.guard.JsonMessages;

/**
 * The folder of one run: {@code manifest.json}, {@code metrics.arrow}, {@code samples.arrow}, and under
 * {@code cells/} each finished cell's own pair of Arrow files. A cell's files are written atomically when it
 * finishes, metrics last, so after a crash a cell is either complete or absent: resuming skips the complete ones.
 */
public final class RunDirectory {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public String runId() {
    return root.getFileName().toString();
  }

  public Path metricsFile() {
    return root.resolve("metrics.arrow");
  }

  public Path samplesFile() {
    return root.resolve("samples.arrow");
  }

  public Path manifestFile() {
    return root.resolve("manifest.json");
  }

  /** A folder for caches that survive a crash (e.g. generations), created on demand. */
  public Path cacheDir() throws IOException {
    return Files.createDirectories(root.resolve("cache"));
  }

  Path cellFile(String cellId, String table) {
    return root.resolve("cells").resolve(safe(cellId) + "." + table + ".arrow");
  }

  /** Whether a cell finished in an earlier attempt of this run. */
  public boolean isDone(String cellId) {
    return Files.isRegularFile(cellFile(cellId, "metrics"));
  }

  /** Stores one finished cell: samples first, metrics last (the metrics file marks the cell done). */
  public void writeCell(String cellId, List<MetricRow> metrics, List<SampleRow> samples) throws IOException {
    ArrowTables.write(cellFile(cellId, "samples"), SampleRow.TABLE, samples);
    ArrowTables.write(cellFile(cellId, "metrics"), MetricRow.TABLE, metrics);
  }

  public List<MetricRow> readCellMetrics(String cellId) throws StoreException {
    return ArrowTables.read(cellFile(cellId, "metrics"), MetricRow.TABLE);
  }

  public List<SampleRow> readCellSamples(String cellId) throws StoreException {
    return ArrowTables.read(cellFile(cellId, "samples"), SampleRow.TABLE);
  }

  /** The metric rows of several finished cells, in the given order. */
  public List<MetricRow> readMetricsOf(List<String> cellIds) throws StoreException {
    List<MetricRow> rows = new ArrayList<>();
    for (String id : cellIds) {
      rows.addAll(readCellMetrics(id));
    }
    return rows;
  }

  /** Writes the run's tables from its cells, in the given order. */
  public void consolidate(List<String> cellIds) throws IOException {
    consolidate(cellIds, List.of());
  }

  /** Writes the run's tables from its cells, in the given order, then rows derived from several cells (series). */
  public void consolidate(List<String> cellIds, List<MetricRow> derived) throws IOException {
    List<MetricRow> metrics = new ArrayList<>();
    List<SampleRow> samples = new ArrayList<>();
    for (String id : cellIds) {
      metrics.addAll(readCellMetrics(id));
      samples.addAll(readCellSamples(id));
    }
    metrics.addAll(derived);
    ArrowTables.write(samplesFile(), SampleRow.TABLE, samples);
    ArrowTables.write(metricsFile(), MetricRow.TABLE, metrics);
  }

  public List<MetricRow> readMetrics() throws StoreException {
    return ArrowTables.read(metricsFile(), MetricRow.TABLE);
  }

  public List<SampleRow> readSamples() throws StoreException {
    return ArrowTables.read(samplesFile(), SampleRow.TABLE);
  }

  public void writeManifest(RunManifest manifest) throws IOException {
    AtomicFiles.write(manifestFile(), JSON.writeValueAsBytes(manifest));
  }

  /**
   * The run's manifest.
   *
   * @throws StoreException in one located line when it is missing, not a regular file, or not a manifest
   */
  public RunManifest readManifest() throws StoreException {
    Path file = manifestFile();
    if (!Files.exists(file)) {
      throw new StoreException(file + ":1:1: no such file; " + root + " is not a run folder: give a folder under"
          + " reports/runs/ or one that harness merge wrote");
    }
    try {
      return JSON.readValue(InputFiles.readUtf8(file, FileKind.TEXT), RunManifest.class);
    } catch (JsonProcessingException e) {
      throw new StoreException(file + ":" + JsonMessages.position(e) + ": not a run manifest ("
          + JsonMessages.firstClause(e) + "); restore it or run the suite again", e);
    } catch (IOException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /**
   * A cell id as a file name: kept when it is already safe ({@code [A-Za-z0-9._@-]}, not starting with a dot),
   * otherwise the other characters become {@code _} and a short hash of the id is appended, so two ids never share
   * a file ({@code a/b@1} and {@code a_b@1} differ).
   */
  static String safe(String cellId) {
    if (cellId.matches("[A-Za-z0-9_@-][A-Za-z0-9._@-]*")) {
      return cellId;
    }
    String hash = Fingerprint.sha256(cellId).substring(0, 8);
    return cellId.replaceAll("[^A-Za-z0-9._@-]", "_").replaceFirst("^\\.", "_") + "-" + hash;
  }
}
