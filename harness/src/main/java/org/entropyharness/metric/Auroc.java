package org.entropyharness.metric;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve of a score for telling correct items (positives) from wrong ones, by the
 * Mann–Whitney rank sum with tied scores given their average rank. 0.5 is chance; higher scores should mean
 * "more likely correct" (negate an entropy before passing it).
 */
public final class Auroc {
  private Auroc() {}

  /** AUROC, or NaN when all items are of one class. */
  public static double auroc(double[] score, boolean[] correct) {
    int n = score.length;
    if (n != correct.length) {
      throw new IllegalArgumentException("scores and outcomes differ in length: " + n + " vs " + correct.length);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (correct[order[t]]) {
          positiveRanks += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
