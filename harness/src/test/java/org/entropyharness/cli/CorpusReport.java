package org.entropyharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured cost of the bad-input corpus: one row per case (time, CPU, peak heap) and, per class, the count and the
 * largest time and heap, in {@code target/bad-input-report.tsv} and {@code target/bad-input-report.md}; the summary is
 * printed too.
 */
final class CorpusReport {
  private CorpusReport() {}

  static void write(List<CorpusCase> cases, Map<Integer, BadInputCorpusTest.Result> results, Path target)
      throws IOException {
    List<String> rows = new ArrayList<>(List.of("class\tfile\tcommand\texit\twall_ms\tcpu_ms\tpeak_heap_mb"));
    Map<String, List<BadInputCorpusTest.Result>> byClass = new TreeMap<>();
    for (int i = 0; i < cases.size(); i++) {
      CorpusCase c = cases.get(i);
      BadInputCorpusTest.Result r = results.get(i);
      if (r != null) {
        rows.add(String.join("\t", c.kind(), c.file(), c.command(), Integer.toString(r.exit()),
            Long.toString(r.wallMs()), Long.toString(r.cpuMs()), String.format(Locale.ROOT, "%.1f", r.peakMb())));
        byClass.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(r);
      }
    }
    Files.write(target.resolve("bad-input-report.tsv"), rows);
    List<String> md = new ArrayList<>(List.of("# Bad-input corpus: measured per case (child JVM, -Xmx512m)", "",
        "| class | cases | max wall ms | median wall ms | max CPU ms | max peak heap MB | median peak heap MB |",
        "|---|---|---|---|---|---|---|"));
    List<BadInputCorpusTest.Result> all = new ArrayList<>();
    byClass.forEach((kind, list) -> {
      md.add(line(kind, list));
      all.addAll(list);
    });
    md.add(line("**all**", all));
    Files.write(target.resolve("bad-input-report.md"), md);
    md.forEach(System.out::println);
  }

  private static String line(String kind, List<BadInputCorpusTest.Result> list) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f |", kind, list.size(),
        list.stream().mapToLong(BadInputCorpusTest.Result::wallMs).max().orElse(0),
        median(list.stream().map(r -> (double) r.wallMs()).toList()).longValue(),
        list.stream().mapToLong(BadInputCorpusTest.Result::cpuMs).max().orElse(0),
        list.stream().mapToDouble(BadInputCorpusTest.Result::peakMb).max().orElse(0),
        median(list.stream().map(BadInputCorpusTest.Result::peakMb).toList()));
  }

  private static Double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    return sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() / 2);
  }
}
