package org.entropyharness.method.reasoning;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.Trace;

/**
 * A way to turn a problem into an answer with a language model: what to ask for ({@link #request}) and how to
 * combine what came back ({@link #aggregate}). Split in two so a runner can batch many problems' requests through
 * {@link LanguageModel#generateAll} and a cache. Created by id through {@link DecodingStrategies}.
 */
public interface DecodingStrategy {

  /** The registered id, such as {@code self-consistency}. */
  String id();

  /** All parameters with defaults filled in. */
  Map<String, Object> params();

  /** The generation this strategy needs for a problem. */
  GenerationRequest request(Problem problem, long seed);

  /** Answers, scores and the final answer from the traces of {@link #request}. */
  ReasoningResult aggregate(Problem problem, List<Trace> traces);

  /** Generates and aggregates one problem. */
  default ReasoningResult run(LanguageModel model, Problem problem, long seed) throws IOException {
    return aggregate(problem, model.generate(request(problem, seed)));
  }
}
