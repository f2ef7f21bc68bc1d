package org.entropyharness.gate;

/**
 * A decided gate of one cell, with what is needed to print it.
 *
 * @param cellId the cell
 * @param decision the decision
 * @param unit the gated metric's unit ({@code rate}, {@code tokens}…), or "" when the metric is missing
 */
public record GateVerdict(String cellId, GateDecision decision, String unit) {

  /** One line: the cell, the gate and what was decided. */
  public String summary() {
    return cellId + " " + decision.gate().displayName() + ": " + Format.summary(decision, unit);
  }
}
