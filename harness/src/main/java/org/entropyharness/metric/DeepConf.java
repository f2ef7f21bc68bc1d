package org.entropyharness.metric;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DeepConf (Fu et al. 2025): a token's confidence is minus the mean of its top-k logprobs; a group confidence is
 * the mean token confidence over a sliding window of {@link #DEFAULT_WINDOW} tokens (the whole trace if shorter);
 * a trace is scored by mean, tail, bottom-10% or lowest group confidence. Offline, the traces with the top η% of
 * scores are kept and vote with their scores as weights.
 */
public final class DeepConf {
  /** The paper's group window and tail length, in tokens. */
  public static final int DEFAULT_WINDOW = 2048;

  private DeepConf() {}

  /** Token confidence: −mean of the top-k logprobs at that position. */
  public static double tokenConfidence(float[] topLogprobs) {
    double sum = 0;
    for (float lp : topLogprobs) {
      sum += lp;
    }
    return -sum / topLogprobs.length;
  }

  /** Mean token confidence of every window of {@code window} consecutive tokens (one group if shorter). */
  public static double[] groupConfidences(float[] tokenConfidence, int window) {
    int n = tokenConfidence.length;
    int w = Math.min(window, n);
    if (w == 0) {
      return new double[0];
    }
    double[] out = new double[n - w + 1];
    double sum = 0;
    for (int i = 0; i < w; i++) {
      sum += tokenConfidence[i];
    }
    out[0] = sum / w;
    for (int i = w; i < n; i++) {
      sum += (double) tokenConfidence[i] - tokenConfidence[i - w];
      out[i - w + 1] = sum / w;
    }
    return out;
  }

  /** All four trace scores, with {@code window} used both for groups and for the tail. */
  public static TraceConfidence score(float[] tokenConfidence, int window) {
    double[] all = Quantiles.toDouble(tokenConfidence);
    double[] groups = groupConfidences(tokenConfidence, window);
    double[] tail = Arrays.copyOfRange(all, Math.max(0, all.length - window), all.length);
    double[] sorted = groups.clone();
    Arrays.sort(sorted);
    int bottom = Math.max(1, (int) Math.ceil(sorted.length * 0.1));
    double lowest = sorted.length == 0 ? Double.NaN : sorted[0];
    return new TraceConfidence(
        Quantiles.mean(all), Quantiles.mean(tail), Quantiles.mean(Arrays.copyOf(sorted, bottom)), lowest);
  }

  /**
   * Indices of the traces kept by offline filtering: the {@code keepPercent}% with the highest scores (at least
   * one), in descending score order.
   */
  public static int[] keepTop(double[] scores, double keepPercent) {
    if (!(keepPercent > 0 && keepPercent <= 100)) {
      throw new IllegalArgumentException("keep percent must be in (0, 100]: " + keepPercent);
    }
    int keep = Math.max(1, (int) Math.ceil(scores.length * keepPercent / 100));
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    return Arrays.stream(order).limit(keep).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Confidence-weighted majority vote: the answer with the largest total weight (null answers do not vote); a tie
   * keeps the answer that reached that total first. Returns null when nobody voted.
   */
  public static String weightedVote(List<String> answers, double[] weights) {
    if (answers.size() != weights.length) {
      throw new IllegalArgumentException("answers and weights differ in length");
    }
    Map<String, Double> total = new HashMap<>();
    String best = null;
    for (int i = 0; i < weights.length; i++) {
      String a = answers.get(i);
      if (a == null) {
        continue;
      }
      double t = total.merge(a, weights[i], Double::sum);
      if (best == null || t > total.get(best)) {
        best = a;
      }
    }
    return best;
  }
}
