package org.entropyharness.lm.openai;

/**
 * One generated position as the server reported it, before any statistic.
 *
 * @param chosen the sampled token's logprob; NaN when absent, null or a placeholder
 * @param top the top logprobs that are real values; placeholders (null, -Infinity, -9999 and below) are left out,
 *     as they stand for tokens below the top k
 * @param entries entries the server listed at this position, placeholders included
 * @param placeholders how many of those entries were placeholders
 * @param topMissing whether the server sent no top list at this position (null, or absent)
 * @param largest the largest value seen at this position, chosen or top, before any check (NaN when none)
 */
record TokenRow(double chosen, double[] top, int entries, int placeholders, boolean topMissing, double largest) {
  /** Logprobs at or below this are placeholders: vLLM clamps -inf to -9999.0, llama.cpp writes the lowest float. */
  static final double PLACEHOLDER = -9999.0;

  /** The value of a logprob field: NaN for null, absent, non-finite or placeholder values. */
  static double value(com.fasterxml.jackson.databind.JsonNode node) {
    if (node == null || !node.isNumber()) {
      return Double.NaN;
    }
    double v = node.asDouble();
    return Double.isFinite(v) && v > PLACEHOLDER ? v : Double.NaN;
  }

  /** Whether a present entry is a placeholder rather than a real value. */
  static boolean isPlaceholder(com.fasterxml.jackson.databind.JsonNode node) {
    return Double.isNaN(value(node));
  }
}
