package org.entropyharness.method.reasoning;

import java.util.List;
import java.util.Objects;
import org.entropyharness.lm.Trace;

/**
 * What a strategy made of one problem: every trace, each trace's answer, and the final (voted) answer.
 *
 * @param strategy the strategy id
 * @param problemId the problem's id
 * @param traces all traces, failed ones included
 * @param answers the answer extracted from each trace; "" when none (and for failed traces)
 * @param scores each trace's confidence score where the strategy uses one (deepconf), else NaN
 * @param kept whether each trace passed the strategy's filter (every non-failed trace, unless the strategy filters;
 *     a kept trace without an answer still casts no vote)
 * @param finalAnswer the strategy's answer for the problem, "" when no trace gave one
 * @param abstained null, or why the strategy could not decide from what the traces carry (deepconf without token
 *     confidences): then the problem's final answer is not measured, rather than wrong
 */
public record ReasoningResult(
    String strategy,
    String problemId,
    List<Trace> traces,
    List<String> answers,
    List<Double> scores,
    List<Boolean> kept,
    String finalAnswer,
    String abstained) {

  public ReasoningResult {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(finalAnswer, "finalAnswer");
    traces = List.copyOf(traces);
    answers = List.copyOf(answers);
    scores = List.copyOf(scores);
    kept = List.copyOf(kept);
    int n = traces.size();
    if (answers.size() != n || scores.size() != n || kept.size() != n) {
      throw new IllegalArgumentException("answers, scores and kept need one entry per trace (" + n + ")");
    }
  }

  /** A result the strategy decided (no abstention). */
  public ReasoningResult(String strategy, String problemId, List<Trace> traces, List<String> answers,
      List<Double> scores, List<Boolean> kept, String finalAnswer) {
    this(strategy, problemId, traces, answers, scores, kept, finalAnswer, null);
  }

  /** Number of traces that failed after retries. */
  public long failedTraces() {
    return traces.stream().filter(Trace::failed).count();
  }
}
