package org.entropyharness.run.reasoning;

import java.util.List;
import org.entropyharness.lm.Trace;
import org.entropyharness.run.MetricValue;

/**
 * Traces that failed after retries, as metrics: {@code failed} (a count) when a suite asks for it, and always
 * {@code failed-share} (failed over all traces, its provenance the first error), which the failed-trace check of
 * the run reads to fail a cell that graded a broken server.
 */
final class FailedTraces {
  /** The name of the share metric every reasoning cell reports. */
  static final String SHARE = "failed-share";
  private static final int MAX_ERROR = 600;

  private FailedTraces() {}

  static MetricValue count(String slice, List<ProblemOutcome> list) {
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    long total = list.stream().mapToLong(ProblemOutcome::n).sum();
    return new MetricValue("failed", slice, failed, Double.NaN, Double.NaN, total, "traces", false, firstError(list),
        failed, List.of(), new double[0]);
  }

  static MetricValue share(String slice, List<ProblemOutcome> list) {
    long failed = list.stream().mapToLong(ProblemOutcome::failed).sum();
    long total = list.stream().mapToLong(ProblemOutcome::n).sum();
    double share = total == 0 ? Double.NaN : (double) failed / total;
    return new MetricValue(SHARE, slice, share, Double.NaN, Double.NaN, total, "share", false, firstError(list),
        failed, List.of(), new double[0]);
  }

  /** "first error: …" of the slice, or "". */
  private static String firstError(List<ProblemOutcome> list) {
    return list.stream().flatMap(o -> o.traces().stream()).filter(Trace::failed).findFirst()
        .map(t -> "first error: " + (t.error().length() <= MAX_ERROR ? t.error()
            : t.error().substring(0, MAX_ERROR) + "…"))
        .orElse("");
  }
}
