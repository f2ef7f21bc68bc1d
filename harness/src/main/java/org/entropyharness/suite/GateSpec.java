package org.entropyharness.suite;

import java.util.List;
import java.util.Objects;

/**
 * A gate: the metric a method may not get worse on, beyond a tolerance, at a confidence.
 *
 * @param metric metric name, such as {@code error} or {@code pass@8}
 * @param tolerance how much worse is still fine
 * @param confidence one-sided confidence of the decision, e.g. 0.95
 * @param slice the slice the gate reads ({@code all} is the whole dataset)
 * @param methods labels of the methods it applies to; empty means every method
 * @param overSeeds whether it reads a method's mean over the suite's seeds instead of each seed's cell
 * @param position where the gate is declared
 */
public record GateSpec(
    String metric, Tolerance tolerance, double confidence, String slice, List<String> methods, boolean overSeeds,
    SourcePosition position) {
  public static final String ALL = "all";

  public GateSpec {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(tolerance, "tolerance");
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1): " + confidence);
    }
    slice = slice == null ? ALL : slice;
    methods = List.copyOf(methods);
  }

  /** The metrics a series has (the entropy–accuracy law of its checkpoints), which series gates read. */
  public static final List<String> SERIES_METRICS =
      List.of("entropy-law-a", "entropy-law-b", "entropy-law-ceiling", "entropy-law-r2");

  /** Whether this gate reads a series metric rather than a cell's. */
  public boolean onSeries() {
    return SERIES_METRICS.contains(metric);
  }

  /** A gate on each cell (not over seeds). */
  public GateSpec(String metric, Tolerance tolerance, double confidence, String slice, List<String> methods,
      SourcePosition position) {
    this(metric, tolerance, confidence, slice, methods, false, position);
  }

  /** Whether this gate applies to a method label. */
  public boolean appliesTo(String methodLabel) {
    return methods.isEmpty() || methods.contains(methodLabel);
  }

  /** A short name for reports and test names: {@code error ≤ +0.5pp @95%}. */
  public String displayName() {
    return metric + (ALL.equals(slice) ? "" : "[" + slice + "]") + (overSeeds ? " (mean over seeds)" : "")
        + " worse by at most " + tolerance + " @" + Math.round(confidence * 100) + "%";
  }
}
