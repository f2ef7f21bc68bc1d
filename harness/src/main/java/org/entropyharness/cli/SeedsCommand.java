package org.entropyharness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entropyharness.report.SeedSpread;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints each method's mean ± standard deviation over the seeds of a finished run, as a Markdown table. */
@Command(
    name = "seeds",
    mixinStandardHelpOptions = true,
    description = "Mean and standard deviation over seeds of each method's metrics in a run folder.")
final class SeedsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "A finished run folder (reports/runs/...).")
  Path run;

  @Option(names = "--slice", defaultValue = "all", description = "Slice to aggregate (default all).")
  String slice;

  @Option(names = "--metrics", split = ",", defaultValue = "error,clean-error-after",
      description = "Metrics, comma-separated (default error,clean-error-after).")
  List<String> metrics;

  @Override
  public Integer call() throws Exception {
    org.entropyharness.guard.InputFiles.requireFolder(run, "run folder (reports/runs/<run-id> or a merged run)");
    List<MetricRow> rows = new RunDirectory(run).readMetrics();
    System.out.print(render(SeedSpread.of(rows), slice, metrics));
    return 0;
  }

  /** Rows {@code | method | metric: mean ± std (n) | …} for the slice and metrics asked for. */
  static String render(List<SeedSpread.Row> rows, String slice, List<String> metrics) {
    StringBuilder sb = new StringBuilder("| method |");
    metrics.forEach(m -> sb.append(' ').append(m).append(" |"));
    sb.append('\n').append("|---|").append("---|".repeat(metrics.size())).append('\n');
    rows.stream().map(SeedSpread.Row::method).distinct().forEach(method -> {
      sb.append("| ").append(method).append(" |");
      for (String metric : metrics) {
        SeedSpread.Row r = rows.stream()
            .filter(x -> x.method().equals(method) && x.slice().equals(slice) && x.metric().equals(metric))
            .findFirst().orElse(null);
        sb.append(' ').append(r == null ? "—" : text(r)).append(" |");
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  private static String text(SeedSpread.Row r) {
    if (r.seeds() == 0) {
      return "n/a";
    }
    double scale = "rate".equals(r.unit()) ? 100 : 1;
    String mean = String.format(Locale.ROOT, "%.2f", r.mean() * scale);
    return r.seeds() < 2 ? mean + " (1 seed)"
        : mean + String.format(Locale.ROOT, " ± %.2f (%d seeds)", r.std() * scale, r.seeds());
  }
}
