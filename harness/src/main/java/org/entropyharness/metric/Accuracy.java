package org.entropyharness.metric;

/** Accuracy, classification error and avg@n over boolean outcomes. */
public final class Accuracy {
  private Accuracy() {}

  /** Share of true outcomes; NaN for none. */
  public static double accuracy(boolean[] correct) {
    int hits = 0;
    for (boolean c : correct) {
      if (c) {
        hits++;
      }
    }
    return correct.length == 0 ? Double.NaN : (double) hits / correct.length;
  }

  /** Classification error, 1 − accuracy. */
  public static double error(boolean[] correct) {
    return 1.0 - accuracy(correct);
  }

  /** avg@n: the mean over questions of each question's share of correct samples ({@code correct[q][s]}). */
  public static double avgAtN(boolean[][] correct) {
    double sum = 0;
    for (boolean[] samples : correct) {
      sum += accuracy(samples);
    }
    return sum / correct.length;
  }
}
