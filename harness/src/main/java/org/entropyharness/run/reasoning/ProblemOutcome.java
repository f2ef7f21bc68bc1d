package org.entropyharness.run.reasoning;

import java.util.List;
import org.entropyharness.lm.Trace;

/**
 * One problem after a strategy ran on it, graded.
 *
 * @param problemId the problem
 * @param group its slice (level, subject) or ""
 * @param reference the reference answer
 * @param finalAnswer the strategy's answer ("" when none)
 * @param finalCorrect whether the final answer is equivalent to the reference
 * @param traces every trace, failed ones included
 * @param answers each trace's extracted answer
 * @param extractions how each answer was extracted
 * @param correct each trace's answer graded; a failed trace counts as wrong
 * @param abstained null, or why the strategy could not decide: the final answer is then not measured
 */
record ProblemOutcome(
    String problemId,
    String group,
    String reference,
    String finalAnswer,
    boolean finalCorrect,
    List<Trace> traces,
    List<String> answers,
    List<String> extractions,
    boolean[] correct,
    String abstained) {

  int n() {
    return traces.size();
  }

  int correctCount() {
    int c = 0;
    for (boolean b : correct) {
      c += b ? 1 : 0;
    }
    return c;
  }

  long failed() {
    return traces.stream().filter(Trace::failed).count();
  }
}
