package org.entropyharness.method.reasoning;

import java.util.Arrays;

/**
 * DeepConf trace scores (Fu et al. 2025, "Deep Think with Confidence") from per-token confidences
 * {@code C_i = -mean(top-k logprobs)}. Group confidence is the mean over a sliding window of {@code window} tokens
 * (one group when the trace is shorter). Kept here, package-private, until the metric package offers the same
 * computation; the two must agree.
 */
final class TraceConfidence {
  /** How a trace's token confidences become one score; higher means more confident. */
  enum Score {
    /** Mean token confidence over the whole trace. */
    MEAN("mean"),
    /** Mean confidence of the last {@code window} tokens. */
    TAIL("tail"),
    /** Mean of the lowest 10% of group confidences. */
    BOTTOM10("bottom10"),
    /** The lowest group confidence. */
    LOWEST_GROUP("lowest-group");

    final String id;

    Score(String id) {
      this.id = id;
    }

    static Score fromId(String id) {
      return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }
  }

  private TraceConfidence() {}

  /** The score of one trace; NaN when it has no finite token confidence. */
  static double score(float[] tokenConfidences, Score score, int window) {
    double[] c = finite(tokenConfidences);
    if (c.length == 0) {
      return Double.NaN;
    }
    return switch (score) {
      case MEAN -> mean(c, 0, c.length);
      case TAIL -> mean(c, Math.max(0, c.length - window), c.length);
      case BOTTOM10 -> bottomMean(groups(c, window), 0.1);
      case LOWEST_GROUP -> Arrays.stream(groups(c, window)).min().orElseThrow();
    };
  }

  /** Sliding-window means, computed from prefix sums. */
  static double[] groups(double[] c, int window) {
    int w = Math.min(window, c.length);
    double[] prefix = new double[c.length + 1];
    for (int i = 0; i < c.length; i++) {
      prefix[i + 1] = prefix[i] + c[i];
    }
    double[] g = new double[c.length - w + 1];
    for (int i = 0; i < g.length; i++) {
      g[i] = (prefix[i + w] - prefix[i]) / w;
    }
    return g;
  }

  private static double bottomMean(double[] groups, double fraction) {
    double[] sorted = groups.clone();
    Arrays.sort(sorted);
    int k = Math.max(1, (int) Math.ceil(sorted.length * fraction));
    return mean(sorted, 0, k);
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  /** Tokens without top logprobs have NaN confidence and are skipped rather than poisoning the score. */
  private static double[] finite(float[] v) {
    double[] out = new double[v.length];
    int n = 0;
    for (float x : v) {
      if (Float.isFinite(x)) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
