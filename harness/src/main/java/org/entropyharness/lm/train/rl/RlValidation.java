package org.entropyharness.lm.train.rl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.metric.answer.AnswerChecker;

/**
 * The validation check that chose the GRPO hyper-parameters: per level, n samples per problem at T = 1 from problems
 * of a seed kept apart from training and from the evaluation suites; reports pass@1 (the mean share correct),
 * pass@n and the token-mean exact entropy. Graded by the answer checker, as the reward is.
 */
public final class RlValidation {
  /** Figures for one level. */
  public record LevelResult(int level, int problems, int samples, double passAt1, double passAtN, double entropy) {}

  private final EmbeddedModel model;
  private final ArithmeticProblems problems;

  /** Validates {@code model} on problems of {@code seed}. */
  public RlValidation(EmbeddedModel model, long seed) {
    this.model = model;
    this.problems = new ArithmeticProblems(seed);
  }

  /** {@code perLevel} problems of {@code level}, {@code n} samples each. */
  public LevelResult level(int level, int perLevel, int n) {
    Decoding decoding = new Decoding(1.0, 1, 0, 0, null, 128);
    double share = 0;
    int solved = 0;
    double entropy = 0;
    long tokens = 0;
    for (int i = 0; i < perLevel; i++) {
      Problem p = problems.problem(level, i);
      int hits = 0;
      for (Trace t : model.generate(new GenerationRequest(p.id(), p.question(), decoding, n, 77_000L + i))) {
        hits += AnswerChecker.grade(t.text(), p.answer()).correct() ? 1 : 0;
        for (float e : t.tokenEntropies()) {
          entropy += e;
        }
        tokens += t.tokenEntropies().length;
      }
      share += (double) hits / n;
      solved += hits > 0 ? 1 : 0;
    }
    return new LevelResult(level, perLevel, n, share / perLevel, (double) solved / perLevel, entropy / tokens);
  }

  /**
   * Prints one tab-separated line per level and one pooled line:
   * {@code RlValidation <weights> <seed> <perLevel> <n> <levels comma-separated> [label]}.
   */
  public static void main(String[] args) throws IOException {
    long seed = Long.parseLong(args[1]);
    int perLevel = Integer.parseInt(args[2]);
    int n = Integer.parseInt(args[3]);
    String label = args.length > 5 ? args[5] : args[0];
    List<LevelResult> results = new ArrayList<>();
    try (EmbeddedModel model = EmbeddedModel.loadUnverified(Path.of(args[0]), 16)) {
      RlValidation validation = new RlValidation(model, seed);
      for (String level : args[4].split(",")) {
        LevelResult r = validation.level(Integer.parseInt(level.trim()), perLevel, n);
        results.add(r);
        System.out.printf(Locale.ROOT, "%s\tL%d\t%.4f\t%.4f\t%.4f%n", label, r.level(), r.passAt1(), r.passAtN(),
            r.entropy());
      }
    }
    System.out.printf(Locale.ROOT, "%s\tall\t%.4f\t%.4f\t%.4f%n", label,
        results.stream().mapToDouble(LevelResult::passAt1).average().orElse(Double.NaN),
        results.stream().mapToDouble(LevelResult::passAtN).average().orElse(Double.NaN),
        results.stream().mapToDouble(LevelResult::entropy).average().orElse(Double.NaN));
  }
}
