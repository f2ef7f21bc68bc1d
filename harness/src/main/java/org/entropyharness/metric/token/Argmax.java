package org.entropyharness.metric.token;

/** Greedy decoding's choice: the index of the largest logit of a row, ties to the lowest index. */
public final class Argmax {
  private Argmax() {}

  /**
   * The first index of the largest entry of {@code row[from, from+length)}.
   *
   * @throws InvalidLogitsException for an empty row, a NaN or +Infinity logit, or a row that is all -Infinity
   */
  public static int of(float[] row, int from, int length) {
    int best = 0;
    boolean valid = length > 0;
    for (int i = 0; i < length; i++) {
      float x = row[from + i];
      valid &= !Float.isNaN(x) && x != Float.POSITIVE_INFINITY;
      if (x > row[from + best]) {
        best = i;
      }
    }
    if (!valid || row[from + best] == Float.NEGATIVE_INFINITY) {
      throw InvalidLogitsException.of(row, from, length);
    }
    return best;
  }
}
