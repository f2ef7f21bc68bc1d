package org.entropyharness.gate;

import java.util.Locale;

/** How gate messages print values: rates as percentages, deltas of rates in percentage points. */
public final class Format {
  private Format() {}

  public static String value(double v, String unit) {
    return "rate".equals(unit) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : String.format(Locale.ROOT, "%.4g %s", v, unit);
  }

  public static String delta(double v, String unit) {
    return "rate".equals(unit) ? String.format(Locale.ROOT, "%+.2fpp", v * 100) : String.format(Locale.ROOT, "%+.4g %s", v, unit);
  }

  /** One line for any decision, for logs, reports and {@code harness compare}. */
  public static String summary(GateDecision d, String unit) {
    if (d instanceof GateDecision.Pass p) {
      return "pass: " + describe(p.comparison(), unit);
    }
    if (d instanceof GateDecision.Improved i) {
      return "improved: " + describe(i.comparison(), unit) + "; promote the baseline";
    }
    if (d instanceof GateDecision.Inconclusive i) {
      return "inconclusive: " + describe(i.comparison(), unit);
    }
    if (d instanceof GateDecision.Regressed r) {
      return "REGRESSED: " + describe(r.comparison(), unit);
    }
    if (d instanceof GateDecision.Incomparable i) {
      return "INCOMPARABLE: " + i.reason();
    }
    if (d instanceof GateDecision.Missing m) {
      return "MISSING: " + m.reason();
    }
    return "skipped: " + ((GateDecision.NoBaseline) d).reason();
  }

  /** One comparison as text. */
  public static String describe(Comparison c, String unit) {
    return String.format(Locale.ROOT, "%s %s vs baseline %s, worse by %s [%s, %s], tolerance %s%s", c.metric(),
        value(c.current(), unit), value(c.baseline(), unit), delta(c.worseBy(), unit), delta(c.low(), unit),
        delta(c.high(), unit), delta(c.tolerance(), unit), c.paired() ? ", " + c.pairedItems() + " paired items" : ", unpaired");
  }
}
