package org.entropyharness.suite;

import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * A number written with a decimal point or an exponent ({@code 1.0}, {@code 1e10}). JSON Schema counts 1.0 as an
 * integer; a suite does not: a seed of {@code 1.0} beside {@code 1} would pass the uniqueness check and run the same
 * cell twice, and {@code n: 1e10} would be narrowed. So the schema's {@code integer} refuses this node.
 */
final class FloatLiteralNode extends DoubleNode {
  private static final long serialVersionUID = 1L;

  private final String literal;

  FloatLiteralNode(double value, String literal) {
    super(value);
    this.literal = literal;
  }

  /** The number as the file wrote it, for messages ({@code 1e10} rather than {@code 1.0E10}). */
  @Override
  public String toString() {
    return literal;
  }

  @Override
  public boolean canConvertToExactIntegral() {
    return false;
  }
}
