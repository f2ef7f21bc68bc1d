package org.entropyharness.gate;

import org.entropyharness.suite.GateSpec;

/**
 * The outcome of a gate. Only {@link Regressed} and {@link Incomparable} fail; {@link Inconclusive} passes but says
 * that the interval straddles the tolerance.
 */
public sealed interface GateDecision {
  GateSpec gate();

  /** Whether the gate lets the build pass. */
  boolean passes();

  /** The whole interval of "worse by" is within the tolerance. */
  record Pass(GateSpec gate, Comparison comparison) implements GateDecision {
    public boolean passes() {
      return true;
    }
  }

  /** The whole interval is better than the baseline by more than the tolerance: time to promote. */
  record Improved(GateSpec gate, Comparison comparison) implements GateDecision {
    public boolean passes() {
      return true;
    }
  }

  /** The interval straddles the tolerance: not enough evidence either way. */
  record Inconclusive(GateSpec gate, Comparison comparison) implements GateDecision {
    public boolean passes() {
      return true;
    }
  }

  /** The whole interval lies beyond the tolerance. */
  record Regressed(GateSpec gate, Comparison comparison) implements GateDecision {
    public boolean passes() {
      return false;
    }
  }

  /** Baseline and run measured different things; {@code reason} names the differing fingerprint parts. */
  record Incomparable(GateSpec gate, String reason) implements GateDecision {
    public boolean passes() {
      return false;
    }
  }

  /** No baseline row yet for this cell and metric: passes, with the promote command to create one. */
  record NoBaseline(GateSpec gate, String reason) implements GateDecision {
    public boolean passes() {
      return true;
    }
  }
}
