package org.entropyharness.gate;

import org.entropyharness.suite.GateSpec;

/**
 * The outcome of a gate. {@link Regressed}, {@link Incomparable} and {@link Missing} fail; {@link NoBaseline} is
 * skipped (not passed: there was nothing to compare); {@link Inconclusive} passes but says that the interval
 * straddles the tolerance.
 */
public sealed interface GateDecision {
  GateSpec gate();

  /** What the decision means for a build. */
  Verdict verdict();

  /** Whether the gate lets a build pass (skipped gates do, unless baselines are required). */
  default boolean passes() {
    return verdict() != Verdict.FAILED;
  }

  /** The three outcomes a test runner knows. */
  enum Verdict {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** The whole interval of "worse by" is within the tolerance. */
  record Pass(GateSpec gate, Comparison comparison) implements GateDecision {
    public Verdict verdict() {
      return Verdict.PASSED;
    }
  }

  /** The whole interval is better than the baseline by more than the tolerance: time to promote. */
  record Improved(GateSpec gate, Comparison comparison) implements GateDecision {
    public Verdict verdict() {
      return Verdict.PASSED;
    }
  }

  /** The interval straddles the tolerance: not enough evidence either way. */
  record Inconclusive(GateSpec gate, Comparison comparison) implements GateDecision {
    public Verdict verdict() {
      return Verdict.PASSED;
    }
  }

  /** The whole interval lies beyond the tolerance. */
  record Regressed(GateSpec gate, Comparison comparison) implements GateDecision {
    public Verdict verdict() {
      return Verdict.FAILED;
    }
  }

  /** Baseline and run measured different things; {@code reason} names the differing fingerprint parts. */
  record Incomparable(GateSpec gate, String reason) implements GateDecision {
    public Verdict verdict() {
      return Verdict.FAILED;
    }
  }

  /**
   * Something the gate reads is not there: the run did not produce the gated metric (or produced no finite value),
   * the baseline has no row for it, or baselines are required and the suite has none.
   */
  record Missing(GateSpec gate, String reason) implements GateDecision {
    public Verdict verdict() {
      return Verdict.FAILED;
    }
  }

  /** The suite has no baseline file yet: skipped, with the promote command that creates one. */
  record NoBaseline(GateSpec gate, String reason) implements GateDecision {
    public Verdict verdict() {
      return Verdict.SKIPPED;
    }
  }
}
