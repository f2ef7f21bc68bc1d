package org.entropyharness.report;

import java.util.List;
import java.util.Locale;
import org.entropyharness.store.MetricRow;

/** The metric rows of a cell as CSV (RFC 4180), for an Allure attachment a spreadsheet opens as is. */
public final class MetricsCsv {
  static final String HEADER =
      "suite,cell,method,seed,slice,metric,value,ci_low,ci_high,n,unit,higher_is_better,provenance,failed";

  private MetricsCsv() {}

  /** One header line and one line per row, in the rows' order. */
  public static String of(List<MetricRow> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
    for (MetricRow r : rows) {
      sb.append(String.join(",", text(r.suite()), text(r.cellId()), text(r.method()), Long.toString(r.seed()),
          text(r.slice()), text(r.metric()), number(r.value()), number(r.ciLow()), number(r.ciHigh()),
          Long.toString(r.n()), text(r.unit()), Boolean.toString(r.higherIsBetter()), text(r.provenance()),
          Long.toString(r.failed()))).append("\r\n");
    }
    return sb.toString();
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

  /**
   * A quoted field when needed. A field that a spreadsheet would take for a formula gets a leading apostrophe, since
   * method labels come from suite files and are not ours to trust.
   */
  static String text(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
