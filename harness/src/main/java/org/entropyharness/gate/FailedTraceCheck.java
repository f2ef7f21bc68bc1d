package org.entropyharness.gate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteSpec;

/**
 * The failed-trace policy: a cell whose share of failed traces (the {@code failed-share} row on slice {@code all})
 * is above the suite's {@code protocol.max-failed-share} (default 5%) graded a broken server rather than a model, so
 * its gates and its run check fail with that reason instead of comparing its numbers with a baseline.
 */
public final class FailedTraceCheck {
  /** The metric every reasoning cell reports: failed traces over all traces. */
  public static final String METRIC = "failed-share";
  /** The suite key of the threshold, under {@code protocol}. */
  public static final String KEY = "max-failed-share";
  /** Largest share of failed traces a cell may have and still be graded. */
  public static final double DEFAULT_MAX_SHARE = 0.05;

  private FailedTraceCheck() {}

  /** The suite's threshold. */
  public static double maxShare(SuiteSpec suite) {
    return suite.protocol().number(KEY, DEFAULT_MAX_SHARE);
  }

  /** Why the cell whose rows these are cannot be graded, or empty when it can (or reports no failed share). */
  public static Optional<String> reason(SuiteSpec suite, List<MetricRow> cellRows) {
    return reason(maxShare(suite), cellRows);
  }

  /** The same, with the threshold given. */
  public static Optional<String> reason(double max, List<MetricRow> cellRows) {
    return cellRows.stream()
        .filter(r -> r.metric().equals(METRIC) && r.slice().equals("all") && r.value() > max)
        .findFirst()
        .map(r -> String.format(Locale.ROOT, "%d of %d traces failed (%.1f%%, above %s %.1f%%), so its numbers "
                + "grade the server, not the model%s", r.failed(), r.n(), 100 * r.value(), KEY, 100 * max,
            r.provenance().isEmpty() ? "" : "; " + r.provenance()));
  }

  /** The AssertJ-style failure message of a gate or run check on a cell that cannot be graded. */
  public static String message(String cellId, String what, String reason) {
    return String.format(Locale.ROOT, "%nExpecting%n  %s %s%nto be measured on a working server,%nbut %s",
        cellId, what, reason);
  }
}
