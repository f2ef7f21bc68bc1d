package org.entropyharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entropyharness.store.MetricRow;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
  @Test
  void should_write_a_header_and_one_quoted_line_per_row() {
    MetricRow row = LeaderboardTest.rows(HistoryFixture.TTA).get(0);
    String csv = MetricsCsv.of(List.of(row));
    assertThat(csv.split("\r\n")).containsExactly(
        "suite,cell,method,seed,slice,metric,value,ci_low,ci_high,n,unit,higher_is_better,provenance,failed",
        "cifar10c-tta-nightly,source@1,source,1,all,error,0.412500,0.364256,0.460744,400,rate,false,,0");
  }

  @Test
  void should_quote_separators_and_defuse_formulas() {
    assertThat(MetricsCsv.text("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(MetricsCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(MetricsCsv.text("plain")).isEqualTo("plain");
  }
}
