package org.entropyharness.suite;

/**
 * How much worse than the baseline a metric may get: {@code 0.5pp} (percentage points of a rate), {@code 2%}
 * (relative to the baseline value) or a plain number in the metric's own unit.
 */
public record Tolerance(double amount, Kind kind, String text) {
  /** How {@link #amount} is read. */
  public enum Kind {
    ABSOLUTE,
    RELATIVE
  }

  public Tolerance {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("tolerance must be a finite number >= 0: " + amount);
    }
  }

  /** Parses {@code 0.5pp}, {@code 2%} or {@code 0.01}. */
  public static Tolerance parse(String text) {
    String t = text.strip();
    if (t.endsWith("pp")) {
      return new Tolerance(Double.parseDouble(t.substring(0, t.length() - 2)) / 100.0, Kind.ABSOLUTE, t);
    }
    if (t.endsWith("%")) {
      return new Tolerance(Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0, Kind.RELATIVE, t);
    }
    return new Tolerance(Double.parseDouble(t), Kind.ABSOLUTE, t);
  }

  /** The tolerance in the metric's unit, given the baseline value. */
  public double inMetricUnits(double baseline) {
    return kind == Kind.RELATIVE ? amount * Math.abs(baseline) : amount;
  }

  @Override
  public String toString() {
    return text;
  }
}
