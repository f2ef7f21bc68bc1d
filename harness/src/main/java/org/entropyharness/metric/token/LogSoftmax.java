package org.entropyharness.metric.token;

/**
 * log softmax(z / T) of one row of logits, in double precision with {@link Math#exp}: the per-token log-probabilities
 * a sampler draws from and a trace records. Computed from the row's maximum (log-sum-exp), so nothing overflows; a
 * -Infinity logit (a masked token) gets log-probability -Infinity, probability exactly 0.
 */
public final class LogSoftmax {
  private LogSoftmax() {}

  /**
   * log softmax(z / T) over {@code row[from, from+length)}.
   *
   * @param temperature T, positive and finite (temperature 0, greedy decoding, has no distribution: see the sampler)
   * @throws InvalidLogitsException for an empty row, a NaN or +Infinity logit, a row that is all -Infinity, or a
   *     temperature so small that a logit divided by it overflows
   */
  public static double[] of(float[] row, int from, int length, double temperature) {
    if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("temperature must be positive and finite: " + temperature);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, row[from + i] / temperature);
    }
    if (!(max > Double.NEGATIVE_INFINITY && max < Double.POSITIVE_INFINITY)) {
      InvalidLogitsException bad = InvalidLogitsException.of(row, from, length);
      boolean rowIsFine = length > 0 && Float.isFinite(SoftmaxEntropy.max(row, from, length));
      throw rowIsFine ? InvalidLogitsException.overflow(temperature, length) : bad;
    }
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += Math.exp(row[from + i] / temperature - max);
    }
    double log = max + Math.log(sum);
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = row[from + i] / temperature - log;
    }
    return out;
  }

  /** log softmax(z) of a whole row at temperature 1. */
  public static double[] of(float[] logits) {
    return of(logits, 0, logits.length, 1.0);
  }
}
