package org.entropyharness.bench;

import java.util.List;

/** The median of repeated measurements: what every side-by-side comparison here reports. */
final class Medians {
  private Medians() {}

  static double of(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
