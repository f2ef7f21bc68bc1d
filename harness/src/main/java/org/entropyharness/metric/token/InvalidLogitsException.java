package org.entropyharness.metric.token;

/**
 * A row of scores that defines no distribution: empty, all masked, or holding a NaN or +Infinity. The message names
 * the first bad entry and what to check.
 */
public final class InvalidLogitsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private InvalidLogitsException(String message) {
    super(message);
  }

  /** The error for {@code row[from, from+length)} once its maximum (or a scaled entry) came out non-finite. */
  static InvalidLogitsException of(float[] row, int from, int length) {
    if (length == 0) {
      return new InvalidLogitsException("empty logits row: a distribution needs at least one token");
    }
    for (int i = 0; i < length; i++) {
      float x = row[from + i];
      if (Float.isNaN(x) || x == Float.POSITIVE_INFINITY) {
        return new InvalidLogitsException("logit " + i + " of a row of " + length + " is " + x
            + ": the scores are undefined there; check the weights and the forward pass for " + x);
      }
    }
    return new InvalidLogitsException("every logit of a row of " + length
        + " is -Infinity: every token is masked and none can be chosen; leave at least one token unmasked");
  }

  /** The error for a temperature so small that a finite logit divided by it overflows a double. */
  static InvalidLogitsException overflow(double temperature, int length) {
    return new InvalidLogitsException("temperature " + temperature + " overflows logit/temperature in a row of "
        + length + "; use temperature 0 for greedy decoding");
  }

  /** The error for a NaN among log-probabilities (a server's top-k list, or a log-softmax). */
  static InvalidLogitsException nanLogprob(int i, int length) {
    return new InvalidLogitsException("log-probability " + i + " of " + length
        + " is NaN; a log-probability is a number or -Infinity (a masked token)");
  }
}
