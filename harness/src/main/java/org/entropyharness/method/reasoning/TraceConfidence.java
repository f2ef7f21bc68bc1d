package org.entropyharness.method.reasoning;

import java.util.Arrays;
import org.entropyharness.metric.DeepConf;

/**
 * DeepConf trace scores (Fu et al. 2025, "Deep Think with Confidence") from per-token confidences
 * {@code C_i = -mean(top-k logprobs)}. Group confidence is the mean over a sliding window of {@code window} tokens
 * (one group when the trace is shorter). The numbers come from {@link DeepConf}; this class picks the score a
 * strategy asked for and skips tokens that have no confidence.
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
    float[] c = finite(tokenConfidences);
    if (c.length == 0) {
      return Double.NaN;
    }
    org.entropyharness.metric.TraceConfidence all = DeepConf.score(c, window);
    return switch (score) {
      case MEAN -> all.mean();
      case TAIL -> all.tail();
      case BOTTOM10 -> all.bottom10();
      case LOWEST_GROUP -> all.lowestGroup();
    };
  }

  /** Tokens without top logprobs have NaN confidence and are skipped rather than poisoning the score. */
  private static float[] finite(float[] v) {
    int n = 0;
    float[] out = new float[v.length];
    for (float x : v) {
      if (Float.isFinite(x)) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

}
