package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entropyharness.gate.Comparison;
import org.entropyharness.gate.Format;
import org.entropyharness.gate.GateEvaluator;
import org.entropyharness.guard.Printable;
import org.entropyharness.store.ArrowTables;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.StoreException;
import org.entropyharness.guard.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code harness compare A B}: the gate analysis for every metric two runs share, B measured against A. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compares run B with run A metric by metric (paired bootstrap where items match).")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The reference: a run folder or a metrics/baseline .arrow file.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The run to judge, same forms.")
  Path b;

  @Option(names = "--confidence", defaultValue = "0.95", description = "One-sided confidence (default ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--slice", defaultValue = "all", description = "Slice to compare, or '*' for every slice (default ${DEFAULT-VALUE}).")
  String slice;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Map<String, MetricRow> reference = byKey(rows(a));
    PrintWriter out = spec.commandLine().getOut();
    int shared = 0;
    for (MetricRow current : rows(b)) {
      MetricRow before = reference.get(current.key());
      if (before == null || !(slice.equals("*") || slice.equals(current.slice()))) {
        continue;
      }
      shared++;
      Comparison c = GateEvaluator.compare(current, before, confidence, 0);
      String verdict = c.low() > 0 ? "worse" : c.high() < 0 ? "better" : "no clear difference";
      List<String> parts = before.fingerprint().differingParts(current.fingerprint());
      out.printf(Locale.ROOT, "%-24s %-10s %-18s %s%s%n", Printable.escape(current.cellId()),
          Printable.escape(current.slice()), verdict,
          Format.describe(c, current.unit()), parts.isEmpty() ? "" : " (fingerprint differs in " + String.join(", ", parts) + ")");
    }
    if (shared == 0) {
      throw new IOException("the two runs share no (cell, slice, metric); compare runs of the same suite");
    }
    return 0;
  }

  private static List<MetricRow> rows(Path p) throws IOException {
    if (p.toString().endsWith(".arrow")) {
      return ArrowTables.read(p, MetricRow.TABLE);
    }
    InputFiles.requireFolder(p, "run folder, or a metrics or baseline .arrow file");
    return new RunDirectory(p).readMetrics();
  }

  /** The reference's rows by (cell, slice, metric); two rows for one key would make the comparison arbitrary. */
  private Map<String, MetricRow> byKey(List<MetricRow> rows) throws StoreException {
    Map<String, MetricRow> map = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (map.put(r.key(), r) != null) {
        throw new StoreException(a + ":1:1: two rows for cell " + Printable.escape(r.cellId()) + ", slice "
            + Printable.escape(r.slice()) + ", metric " + Printable.escape(r.metric()) + "; the file is not one run"
            + " or one baseline: write it again");
      }
    }
    return map;
  }
}
