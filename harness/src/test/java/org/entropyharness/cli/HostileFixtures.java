package org.entropyharness.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.Column;
import org.entropyharness.store.ColumnKind;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.TableSchema;

/**
 * The fixtures of the bad-input corpus that cannot be committed: a FIFO, files of tens of megabytes, a symbolic link
 * to {@code /dev/zero}, and suites that name them by absolute path. Made afresh in a folder under {@code target/}.
 */
final class HostileFixtures {
  private HostileFixtures() {}

  /** Creates the fixtures in {@code gen} (emptied first) and returns it. */
  static Path create(Path gen) throws IOException, InterruptedException {
    if (Files.exists(gen)) {
      try (var all = Files.walk(gen)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(gen);
    Path fifo = gen.resolve("fifo").toAbsolutePath();
    new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    Files.createSymbolicLink(gen.resolve("zero-link.bin"), Path.of("/dev/zero"));
    oneLineSuite(gen.resolve("huge-suite.yaml"), 50L << 20);
    oneLineSuite(gen.resolve("big-suite.yaml"), (1L << 20) + 1);
    longLine(gen.resolve("long-line.jsonl"), 5 << 20);
    String datasets = Path.of(System.getProperty("harness.root", "..")).toAbsolutePath().normalize()
        .resolve("datasets").toString();
    suite(gen, "fifo-base.yaml", "tta", "{name: cifar10, base: " + fifo + ", limit: 10}",
        "{name: resnet20, checkpoint: " + datasets + "/models/resnet20-12fca82f.th}", "[source]");
    suite(gen, "fifo-checkpoint.yaml", "tta", "{name: cifar10, base: " + datasets + "/cifar10/test_batch.bin, limit: 10}",
        "{name: resnet20, checkpoint: " + fifo + "}", "[source]");
    suite(gen, "fifo-jsonl.yaml", "reasoning", "{name: jsonl, jsonl: " + fifo + "}",
        "{backend: embedded, weights: " + datasets + "/models/arith-tiny.bin}", "[greedy]");
    suite(gen, "link-base.yaml", "tta", "{name: cifar10, base: zero-link.bin, limit: 10}",
        "{name: resnet20, checkpoint: " + datasets + "/models/resnet20-12fca82f.th}", "[source]");
    suite(gen, "long-line-suite.yaml", "reasoning", "{name: jsonl, jsonl: long-line.jsonl}",
        "{backend: embedded, weights: " + datasets + "/models/arith-tiny.bin}", "[greedy]");
    arrowTables(gen, Path.of(datasets).resolveSibling("baselines").resolve("arith-reasoning-smoke.arrow"));
    return gen;
  }

  /** A metrics table holding one row twice, and one whose {@code value} column holds text. */
  private static void arrowTables(Path gen, Path baseline) throws IOException {
    List<MetricRow> rows = ArrowTables.read(baseline, MetricRow.TABLE).subList(0, 3);
    List<MetricRow> twice = new ArrayList<>(rows);
    twice.add(rows.get(0));
    ArrowTables.write(gen.resolve("metrics-duplicate-row.arrow"), MetricRow.TABLE, twice);
    List<Column<MetricRow>> columns = MetricRow.TABLE.columns().stream()
        .map(c -> c.name().equals("value")
            ? new Column<MetricRow>("value", ColumnKind.STRING, false, r -> Double.toString(r.value())) : c)
        .toList();
    TableSchema<MetricRow> textValues = new TableSchema<>(MetricRow.TABLE.name(), MetricRow.TABLE.formatVersion(),
        columns, MetricRow.TABLE.factory());
    ArrowTables.write(gen.resolve("metrics-value-as-text.arrow"), textValues, rows);
  }

  private static void suite(Path gen, String name, String family, String dataset, String model, String methods)
      throws IOException {
    Files.writeString(gen.resolve(name), "suite: s\nfamily: " + family + "\ndataset: " + dataset + "\nmodel: " + model
        + "\nmethods: " + methods + "\n");
  }

  /** A suite whose description is one line of {@code bytes} bytes. */
  private static void oneLineSuite(Path file, long bytes) throws IOException {
    byte[] head = "suite: s\nfamily: tta\ndescription: '".getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[1 << 16];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      for (long left = bytes - head.length - 2; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      out.write("'\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A JSONL file of one line of {@code chars} characters. */
  private static void longLine(Path file, int chars) throws IOException {
    StringBuilder line = new StringBuilder("{\"question\": \"");
    line.append("1".repeat(chars)).append("\", \"answer\": \"1\"}\n");
    Files.writeString(file, line);
  }
}
