package org.entropyharness.metric;

/**
 * Token counts summarised: mean, median and 90th percentile, for prompt or completion tokens alike.
 */
public record TokenUsage(double mean, double median, double p90) {

  /** Summary of {@code tokens} (one count per sample). */
  public static TokenUsage of(int[] tokens) {
    double[] xs = Quantiles.toDouble(tokens);
    return new TokenUsage(Quantiles.mean(xs), Quantiles.quantile(xs, 0.5), Quantiles.quantile(xs, 0.9));
  }

  /**
   * All completion tokens spent divided by the number of correct answers: the price of one correct answer. NaN
   * when nothing is correct.
   */
  public static double completionTokensPerCorrect(int[] completionTokens, boolean[] correct) {
    if (completionTokens.length != correct.length) {
      throw new IllegalArgumentException(
          "tokens and outcomes differ in length: " + completionTokens.length + " vs " + correct.length);
    }
    long spent = 0;
    int hits = 0;
    for (int i = 0; i < correct.length; i++) {
      spent += completionTokens[i];
      hits += correct[i] ? 1 : 0;
    }
    return hits == 0 ? Double.NaN : (double) spent / hits;
  }
}
