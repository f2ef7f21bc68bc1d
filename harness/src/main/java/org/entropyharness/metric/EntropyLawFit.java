package org.entropyharness.metric;

/**
 * The fitted law R = −a·exp(H) + b over a run's checkpoints (see {@link EntropyLaw}).
 *
 * @param a the rate at which accuracy is traded for entropy, with its interval
 * @param b the offset, with its interval
 * @param ceiling the predicted accuracy at H = 0, −a + b, with its interval
 * @param rSquared share of the variance of R the fit explains; NaN when R does not vary
 * @param checkpoints number of (H, R) points fitted
 */
public record EntropyLawFit(Interval a, Interval b, Interval ceiling, double rSquared, int checkpoints) {

  /** The fitted accuracy at entropy {@code entropy} (nats): −a·exp(H) + b, for drawing the curve. */
  public double predict(double entropy) {
    return -a.estimate() * Math.exp(entropy) + b.estimate();
  }
}
