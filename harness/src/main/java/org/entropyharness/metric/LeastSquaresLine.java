package org.entropyharness.metric;

/**
 * An ordinary least-squares line y = intercept + slope·x with the textbook standard errors (σ̂² = Σ residual² /
 * (n − 2)) of its slope, its intercept and its value at x = 1.
 */
record LeastSquaresLine(double[] x, double[] y, double slope, double intercept, double meanX, double sxx, double sigma) {

  static LeastSquaresLine fit(double[] x, double[] y) {
    int n = x.length;
    double meanX = Quantiles.mean(x);
    double meanY = Quantiles.mean(y);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - meanX) * (x[i] - meanX);
      sxy += (x[i] - meanX) * (y[i] - meanY);
    }
    double slope = sxy / sxx;
    double intercept = meanY - slope * meanX;
    double ssRes = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - intercept - slope * x[i];
      ssRes += e * e;
    }
    return new LeastSquaresLine(x, y, slope, intercept, meanX, sxx, Math.sqrt(ssRes / (n - 2)));
  }

  double predict(double at) {
    return intercept + slope * at;
  }

  /** The value at x = 1, i.e. at H = 0 when x = exp(H). */
  double ceiling() {
    return predict(1);
  }

  double slopeError() {
    return sigma / Math.sqrt(sxx);
  }

  double interceptError() {
    return errorAt(0);
  }

  double ceilingError() {
    return errorAt(1);
  }

  /** Standard error of the fitted value at {@code at}. */
  private double errorAt(double at) {
    return sigma * Math.sqrt(1.0 / x.length + (at - meanX) * (at - meanX) / sxx);
  }

  /** 1 − Σ residual² / Σ (y − mean y)²; NaN when y does not vary. */
  double rSquared() {
    double meanY = Quantiles.mean(y);
    double ssTot = 0;
    for (double v : y) {
      ssTot += (v - meanY) * (v - meanY);
    }
    double ssRes = sigma * sigma * (x.length - 2);
    return ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
  }

  /**
   * Residuals divided by √(1 − leverage), centred: their spread estimates the errors' (raw residuals are smaller by
   * the leverage). A point of leverage 1 has a residual of 0 whatever the data and contributes 0.
   */
  double[] modifiedResiduals() {
    int n = x.length;
    double[] r = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double leverage = 1.0 / n + (x[i] - meanX) * (x[i] - meanX) / sxx;
      double room = 1 - leverage;
      r[i] = room < 1e-12 ? 0 : (y[i] - predict(x[i])) / Math.sqrt(room);
      sum += r[i];
    }
    for (int i = 0; i < n; i++) {
      r[i] -= sum / n;
    }
    return r;
  }
}
