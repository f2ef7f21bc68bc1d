package org.entropyharness.run.reasoning;

import org.entropyharness.lm.Trace;
import org.entropyharness.lm.Trace.Measure;
import org.entropyharness.metric.DeepConf;
import org.entropyharness.metric.TraceEntropyStats;

/**
 * Per-trace quantities the reasoning metrics average, each NaN when the trace does not carry what it needs: a failed
 * trace, a token count the backend could not measure, or a per-token series with a gap (a statistic over the tokens
 * that happen to be there would be another quantity, so the trace is left out instead).
 */
final class TraceMeasures {
  /** Tokens above this entropy (nats) count as high-entropy "forking" tokens. */
  static final double HIGH_ENTROPY = 1.0;
  /** Window (tokens) of the max window-mean entropy and of DeepConf group confidence. */
  static final int WINDOW = 16;

  private TraceMeasures() {}

  /** Entropy statistics of a trace whose every token has an entropy; NaNs otherwise. */
  static TraceEntropyStats entropy(Trace t) {
    float[] h = complete(t, t.tokenEntropies());
    return TraceEntropyStats.of(h == null ? new float[0] : h, HIGH_ENTROPY, WINDOW);
  }

  static double meanEntropy(Trace t) {
    return entropy(t).mean();
  }

  /** DeepConf mean token confidence of a trace (higher: more confident); NaN without a confidence per token. */
  static double confidence(Trace t) {
    float[] c = complete(t, t.tokenConfidences());
    return c == null ? Double.NaN : DeepConf.score(c, WINDOW).mean();
  }

  /** The geometric-mean probability of the chosen tokens, a confidence in [0, 1]; NaN without every logprob. */
  static double probability(Trace t) {
    float[] lp = complete(t, t.tokenLogprobs());
    if (lp == null) {
      return Double.NaN;
    }
    double sum = 0;
    for (float v : lp) {
      sum += v;
    }
    return Math.exp(sum / lp.length);
  }

  static double completionTokens(Trace t) {
    return t.failed() || t.completionTokens() == Trace.UNKNOWN ? Double.NaN : t.completionTokens();
  }

  static double promptTokens(Trace t) {
    return t.failed() || t.promptTokens() == Trace.UNKNOWN ? Double.NaN : t.promptTokens();
  }

  /** Why a trace lacks a measurement: its failure, the backend's note, or what its arrays show. */
  static String why(Trace t, Measure measure) {
    if (t.failed()) {
      return "the trace failed: " + t.error();
    }
    String note = t.note(measure);
    if (!note.isEmpty()) {
      return note;
    }
    return switch (measure) {
      case PROMPT_TOKENS -> "the backend did not count the prompt's tokens";
      case COMPLETION_TOKENS -> "the backend did not count the completion's tokens";
      case CHOSEN_LOGPROBS -> t.tokenLogprobs().length == 0 ? "the trace has no token logprobs"
          : "some tokens have no logprob";
      case TOP_LOGPROBS -> t.tokenEntropies().length == 0 ? "the trace has no top logprobs"
          : "some tokens have no top logprobs";
    };
  }

  /** The series when the trace succeeded and every token has a finite value, else null. */
  private static float[] complete(Trace t, float[] series) {
    if (t.failed() || series.length == 0) {
      return null;
    }
    for (float v : series) {
      if (!Float.isFinite(v)) {
        return null;
      }
    }
    return series;
  }
}
