package org.entropyharness.lm.train.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.metric.answer.AnswerChecker;

/**
 * Draws a step's prompts and samples n responses to each from the current policy at temperature 1 with no other
 * filter, so the sampler's recorded log-probabilities are exactly π_old's. Prompts are sampled in parallel; every
 * trace's random stream depends on (seed, step, prompt, sample) alone, so the result does not depend on the threads.
 */
final class Rollouts {
  private final RlPlan plan;
  private final ArithmeticProblems problems;
  private final CharTokenizer tokenizer = new CharTokenizer();

  Rollouts(RlPlan plan) {
    this.plan = plan;
    this.problems = new ArithmeticProblems(plan.seed());
  }

  /** The prompts of step {@code step}: prompt j has level {@code levels[j mod L]} and index step·P + j. */
  List<Problem> prompts(int step) {
    List<Problem> out = new ArrayList<>(plan.promptsPerStep());
    for (int j = 0; j < plan.promptsPerStep(); j++) {
      int level = plan.levels().get(j % plan.levels().size());
      out.add(problems.problem(level, step * plan.promptsPerStep() + j));
    }
    return out;
  }

  /** The step's samples, group by group in prompt order. */
  List<RolloutSample> sample(EmbeddedModel policy, int step, ExecutorService pool) throws InterruptedException {
    List<Problem> prompts = prompts(step);
    List<Future<List<RolloutSample>>> groups = new ArrayList<>();
    for (int j = 0; j < prompts.size(); j++) {
      int group = j;
      groups.add(pool.submit(() -> group(policy, prompts.get(group), group, step)));
    }
    List<RolloutSample> out = new ArrayList<>();
    for (Future<List<RolloutSample>> g : groups) {
      try {
        out.addAll(g.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("sampling a rollout failed: " + e.getCause(), e.getCause());
      }
    }
    return out;
  }

  private List<RolloutSample> group(EmbeddedModel policy, Problem problem, int group, int step) {
    Decoding decoding = new Decoding(1.0, 1, 0, 0, null, plan.maxResponseTokens());
    long seed = plan.seed() * 1_000_003L + (long) step * 4_099L + group;
    List<EmbeddedModel.SampledTrace> traces =
        policy.sample(new GenerationRequest(problem.id(), problem.question(), decoding, plan.samplesPerPrompt(), seed));
    int[] prompt = tokenizer.encodePrompt(problem.question());
    List<RolloutSample> out = new ArrayList<>(traces.size());
    for (EmbeddedModel.SampledTrace sampled : traces) {
      Trace t = sampled.trace();
      boolean correct = AnswerChecker.grade(t.text(), problem.answer()).correct();
      out.add(new RolloutSample(group, prompt, sampled.tokenIds(), t.tokenLogprobs(), t.tokenEntropies(), correct));
    }
    return out;
  }
}
