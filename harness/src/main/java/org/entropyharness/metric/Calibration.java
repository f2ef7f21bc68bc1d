package org.entropyharness.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected calibration error over equal-width confidence bins (15 by default, as Guo et al. 2017 and both suite
 * families use): ECE = Σ_b |B_b|/N · |accuracy(B_b) − mean confidence(B_b)|. A confidence of exactly 1 falls in the
 * last bin.
 */
public final class Calibration {
  public static final int DEFAULT_BINS = 15;

  private Calibration() {}

  public static double ece(double[] confidence, boolean[] correct) {
    return ece(confidence, correct, DEFAULT_BINS);
  }

  public static double ece(double[] confidence, boolean[] correct, int bins) {
    double sum = 0;
    for (ReliabilityBin b : reliability(confidence, correct, bins)) {
      if (b.count() > 0) {
        sum += b.count() * Math.abs(b.accuracy() - b.meanConfidence());
      }
    }
    return sum / confidence.length;
  }

  /** The bins of a reliability diagram; empty bins have count 0 and NaN means. */
  public static List<ReliabilityBin> reliability(double[] confidence, boolean[] correct, int bins) {
    if (confidence.length != correct.length || confidence.length == 0 || bins < 1) {
      throw new IllegalArgumentException(
          "need equally long, non-empty confidences and outcomes and bins >= 1: "
              + confidence.length + ", " + correct.length + ", " + bins);
    }
    int[] count = new int[bins];
    double[] conf = new double[bins];
    int[] hits = new int[bins];
    for (int i = 0; i < confidence.length; i++) {
      double c = confidence[i];
      if (!(c >= 0 && c <= 1)) {
        throw new IllegalArgumentException("confidence " + i + " is outside [0, 1]: " + c);
      }
      int b = Math.min((int) (c * bins), bins - 1);
      count[b]++;
      conf[b] += c;
      hits[b] += correct[i] ? 1 : 0;
    }
    List<ReliabilityBin> out = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      double n = count[b];
      out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b], conf[b] / n, hits[b] / n));
    }
    return out;
  }
}
