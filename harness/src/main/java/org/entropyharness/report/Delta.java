package org.entropyharness.report;

import java.util.Locale;
import org.entropyharness.gate.Comparison;
import org.entropyharness.gate.Format;
import org.entropyharness.gate.GateEvaluator;
import org.entropyharness.store.MetricRow;

/**
 * A metric compared with a reference (the baseline or the previous night), at tolerance 0 and 95% confidence.
 *
 * @param verdict {@code worse}, {@code better}, {@code no clear difference}, {@code measured something else} or
 *     {@code no reference}
 * @param css the CSS class the verdict is shown with
 * @param change the signed change of the value, e.g. {@code +1.20pp}
 * @param interval the interval of the change
 * @param note what the reference was, or which fingerprint parts differ
 */
public record Delta(String verdict, String css, String change, String interval, String note) {
  static final double CONFIDENCE = 0.95;

  /** No row to compare with. */
  static Delta none(String what) {
    return new Delta("no reference", "none", "", "", "no " + what);
  }

  /** Compares a current row with a reference row (null when there is none). */
  static Delta of(MetricRow current, MetricRow reference, String what) {
    if (reference == null) {
      return none(what);
    }
    String change = delta(current.value() - reference.value(), current.unit());
    var differing = reference.fingerprint().differingParts(current.fingerprint());
    if (!differing.isEmpty()) {
      return new Delta("measured something else", "incomparable", change, "",
          "fingerprint differs in " + String.join(", ", differing));
    }
    Comparison c = GateEvaluator.compare(current, reference, CONFIDENCE, 0);
    // worseBy is signed "positive is worse"; the shown change is signed like the value itself.
    double sign = current.higherIsBetter() ? -1 : 1;
    double lo = Math.min(sign * c.low(), sign * c.high());
    double hi = Math.max(sign * c.low(), sign * c.high());
    String interval = String.format(Locale.ROOT, "[%s, %s]", delta(lo, current.unit()), delta(hi, current.unit()));
    String note = what + " " + Format.value(reference.value(), reference.unit())
        + (c.paired() ? ", " + c.pairedItems() + " paired" : ", unpaired");
    if (c.low() > 0) {
      return new Delta("worse", "worse", change, interval, note);
    }
    if (c.high() < 0) {
      return new Delta("better", "better", change, interval, note);
    }
    return new Delta("no clear difference", "same", change, interval, note);
  }

  /** A signed change; rounding noise and -0 print as +0. */
  private static String delta(double v, String unit) {
    return Format.delta(Math.abs(v) < 1e-9 ? 0.0 : v, unit);
  }

  /** Whether this is a regression worth highlighting. */
  public boolean worse() {
    return "worse".equals(verdict);
  }
}
