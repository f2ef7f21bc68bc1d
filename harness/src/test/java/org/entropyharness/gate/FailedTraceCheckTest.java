package org.entropyharness.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.MetricRowsFixture;
import org.junit.jupiter.api.Test;

class FailedTraceCheckTest {
  private static MetricRow share(String slice, long failed, long total, String firstError) {
    return new MetricRow("s", "reasoning", "math500", slice, "m", "sample", "sample", "{}", 1, "sample@1",
        "failed-share", (double) failed / total, Double.NaN, Double.NaN, total, "share", false, firstError, failed,
        MetricRowsFixture.FINGERPRINT, "run-1", "test", Instant.parse("2026-01-01T00:00:00Z"), List.of(),
        new double[0]);
  }

  @Test
  void should_pass_a_cell_at_the_threshold_and_fail_one_above_it() {
    assertThat(FailedTraceCheck.reason(0.05, List.of(share("all", 5, 100, "first error: x")))).isEmpty();
    assertThat(FailedTraceCheck.reason(0.05, List.of(share("all", 6, 100, "first error: HTTP 503: loading"))))
        .contains("6 of 100 traces failed (6.0%, above max-failed-share 5.0%), so its numbers grade the server, not "
            + "the model; first error: HTTP 503: loading");
  }

  @Test
  void should_read_slice_all_only_and_ignore_cells_without_a_failed_share() {
    assertThat(FailedTraceCheck.reason(0.05, List.of(share("L3", 10, 10, "")))).isEmpty();
    assertThat(FailedTraceCheck.reason(0.05, List.of(MetricRowsFixture.errorRow("tent@1", 10, 5,
        MetricRowsFixture.FINGERPRINT)))).isEmpty();
    assertThat(FailedTraceCheck.reason(0.0, List.of(share("all", 1, 40, "")))).contains("1 of 40 traces failed (2.5%, "
        + "above max-failed-share 0.0%), so its numbers grade the server, not the model");
  }

  @Test
  void should_word_the_failure_as_an_assertj_message() {
    assertThat(FailedTraceCheck.message("sample@1", "accuracy", "it broke")).isEqualTo(String.format(
        "%nExpecting%n  sample@1 accuracy%nto be measured on a working server,%nbut it broke"));
  }
}
