package org.entropyharness.method.reasoning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;

/**
 * greedy, sample, edt and self-consistency: n traces at one decoding, every trace that succeeded votes once.
 * With one trace the vote is that trace's answer.
 */
final class VotingStrategy implements DecodingStrategy {
  private final String id;
  private final StrategyParams params;
  private final Decoding decoding;
  private final int n;
  private final ReasoningContext context;

  VotingStrategy(String id, StrategyParams params, Decoding decoding, int n, ReasoningContext context) {
    this.id = id;
    this.params = params;
    this.decoding = decoding;
    this.n = n;
    this.context = context;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Map<String, Object> params() {
    return params.resolved();
  }

  @Override
  public GenerationRequest request(Problem problem, long seed) {
    return new GenerationRequest(problem.id(), context.prompt().apply(problem), decoding, n, seed);
  }

  @Override
  public ReasoningResult aggregate(Problem problem, List<Trace> traces) {
    List<String> answers = answers(traces, context);
    List<Boolean> kept = traces.stream().map(t -> !t.failed()).toList();
    String vote = Vote.majority(answers, context.equivalence());
    return new ReasoningResult(id, problem.id(), traces, answers, Collections.nCopies(traces.size(), Double.NaN),
        kept, vote);
  }

  /** Each trace's extracted answer, "" for a failed trace or no answer. */
  static List<String> answers(List<Trace> traces, ReasoningContext context) {
    List<String> out = new ArrayList<>(traces.size());
    for (Trace t : traces) {
      String a = t.failed() ? null : context.extractor().apply(t.text());
      out.add(a == null ? "" : a.strip());
    }
    return out;
  }
}
