package org.entropyharness.method.reasoning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;

/**
 * DeepConf offline: n traces, each scored by a confidence ({@link TraceConfidence}); the top {@code keep} fraction
 * by score (at least one) votes, each trace weighted by its score. With keep 0.1 this is DeepConf-low, with 0.9
 * DeepConf-high. Failed traces and traces without confidences never vote.
 *
 * <p>When none of a problem's traces that succeeded has a confidence (a server that returns no logprobs), DeepConf
 * has nothing to rank or weight by: the strategy abstains and says why, and the problem's accuracy is missing rather
 * than wrong. It does not fall back to a plain majority vote, which would report self-consistency's number under
 * DeepConf's name.
 */
final class DeepConfStrategy implements DecodingStrategy {
  private final StrategyParams params;
  private final Decoding decoding;
  private final int n;
  private final double keep;
  private final int window;
  private final TraceConfidence.Score score;
  private final ReasoningContext context;

  DeepConfStrategy(StrategyParams params, Decoding decoding, ReasoningContext context) {
    this.params = params;
    this.decoding = decoding;
    this.context = context;
    this.n = params.integer("n");
    this.keep = params.number("keep");
    this.window = params.integer("window");
    this.score = TraceConfidence.Score.fromId(params.text("score"));
    params.require(keep > 0 && keep <= 1, "keep", "a fraction in (0, 1]");
    params.require(window >= 1, "window", "an integer >= 1");
    params.require(score != null, "score", "one of mean, tail, bottom10, lowest-group");
  }

  @Override
  public String id() {
    return DecodingStrategies.DEEPCONF;
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
    List<String> answers = VotingStrategy.answers(traces, context);
    List<Double> scores = traces.stream()
        .map(t -> t.failed() ? Double.NaN : TraceConfidence.score(t.tokenConfidences(), score, window))
        .toList();
    List<Boolean> kept = keepTop(scores);
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      weights.add(kept.get(i) ? scores.get(i) : 0.0);
    }
    String vote = Vote.weighted(answers, weights, context.equivalence());
    return new ReasoningResult(id(), problem.id(), traces, answers, scores, kept, vote, abstention(traces, scores));
  }

  /** Why the vote is not DeepConf's: succeeded traces, none with a score; else null. */
  private static String abstention(List<Trace> traces, List<Double> scores) {
    int succeeded = 0;
    String note = "";
    for (int i = 0; i < traces.size(); i++) {
      if (!traces.get(i).failed()) {
        if (!scores.get(i).isNaN()) {
          return null;
        }
        succeeded++;
        String n = traces.get(i).note(Trace.Measure.TOP_LOGPROBS);
        note = n.isEmpty() ? note : n;
      }
    }
    return succeeded == 0 ? null : "deepconf ranks traces by token confidence and none of the " + succeeded
        + " traces has one" + (note.isEmpty() ? "" : ": " + note);
  }

  /** Marks the ceil(keep · m) best-scored of the m scored traces; ties keep the earlier trace. */
  private List<Boolean> keepTop(List<Double> scores) {
    int[] scored = IntStream.range(0, scores.size()).filter(i -> !scores.get(i).isNaN()).toArray();
    int k = scored.length == 0 ? 0 : Math.max(1, (int) Math.ceil(keep * scored.length - 1e-9));
    List<Integer> order = new ArrayList<>(IntStream.of(scored).boxed().toList());
    order.sort(Comparator.comparingDouble((Integer i) -> -scores.get(i)).thenComparingInt(i -> i));
    List<Boolean> kept = new ArrayList<>(java.util.Collections.nCopies(scores.size(), false));
    order.subList(0, k).forEach(i -> kept.set(i, true));
    return kept;
  }
}
