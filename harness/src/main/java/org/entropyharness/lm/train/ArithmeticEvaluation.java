package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.EmbeddedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.data.math.Problem;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.Trace;

/**
 * The embedded model's quality check: per level, greedy accuracy, and pass@1 / pass@n of n samples at a
 * temperature, with the mean token entropy of right and of wrong sampled traces. Graded by exact match of the last
 * {@code \boxed{}} content with the reference answer.
 */
public final class ArithmeticEvaluation {
  /** Figures for one level. */
  public record LevelResult(
      int level, int problems, double greedyAccuracy, double passAt1, double passAtN, double entropyRight,
      double entropyWrong, int rightTraces, int wrongTraces) {}

  private final LanguageModel model;
  private final ArithmeticProblems problems;

  /** Evaluates {@code model} on problems of {@code seed} (keep it apart from the training seed). */
  public ArithmeticEvaluation(LanguageModel model, long seed) {
    this.model = model;
    this.problems = new ArithmeticProblems(seed);
  }

  /** Evaluates {@code perLevel} problems of a level with {@code n} samples each at {@code temperature}. */
  public LevelResult level(int level, int perLevel, int n, double temperature) throws IOException {
    int greedyRight = 0;
    double pass1 = 0;
    int passN = 0;
    List<Double> right = new ArrayList<>();
    List<Double> wrong = new ArrayList<>();
    Decoding sampling = new Decoding(temperature, 1, 0, 0, null, 128);
    for (int i = 0; i < perLevel; i++) {
      Problem p = problems.problem(level, i);
      Trace greedy = model.generate(new GenerationRequest(p.id(), p.question(), Decoding.greedy(128), 1, i)).get(0);
      greedyRight += correct(greedy, p) ? 1 : 0;
      int hits = 0;
      for (Trace t : model.generate(new GenerationRequest(p.id(), p.question(), sampling, n, 1000L + i))) {
        boolean ok = correct(t, p);
        hits += ok ? 1 : 0;
        (ok ? right : wrong).add(meanEntropy(t));
      }
      pass1 += (double) hits / n;
      passN += hits > 0 ? 1 : 0;
    }
    return new LevelResult(level, perLevel, (double) greedyRight / perLevel, pass1 / perLevel,
        (double) passN / perLevel, mean(right), mean(wrong), right.size(), wrong.size());
  }

  /** The content of the last {@code \boxed{…}} in {@code text}, or null. */
  public static String boxed(String text) {
    int at = text.lastIndexOf("\\boxed{");
    if (at < 0) {
      return null;
    }
    int depth = 0;
    for (int i = at + 6; i < text.length(); i++) {
      char ch = text.charAt(i);
      depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
      if (depth == 0) {
        return text.substring(at + 7, i);
      }
    }
    return null;
  }

  static boolean correct(Trace trace, Problem problem) {
    return problem.answer().equals(boxed(trace.text()));
  }

  private static double meanEntropy(Trace t) {
    double sum = 0;
    for (float e : t.tokenEntropies()) {
      sum += e;
    }
    return t.tokenEntropies().length == 0 ? 0 : sum / t.tokenEntropies().length;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Prints the table: {@code ArithmeticEvaluation <weights> [perLevel] [n] [temperature] [seed]}. */
  public static void main(String[] args) throws IOException {
    int perLevel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    double temperature = args.length > 3 ? Double.parseDouble(args[3]) : 0.8;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 1000;
    try (EmbeddedModel model = EmbeddedModel.loadUnverified(Path.of(args[0]), 16)) {
      ArithmeticEvaluation evaluation = new ArithmeticEvaluation(model, seed);
      System.out.println("level\tgreedy\tpass@1\tpass@" + n + "\tH(right)\tH(wrong)\tright\twrong");
      for (int level = ArithmeticProblems.MIN_LEVEL; level <= ArithmeticProblems.MAX_LEVEL; level++) {
        LevelResult r = evaluation.level(level, perLevel, n, temperature);
        System.out.printf(Locale.ROOT, "L%d\t%.3f\t%.3f\t%.3f\t%.4f\t%.4f\t%d\t%d%n", level, r.greedyAccuracy(),
            r.passAt1(), r.passAtN(), r.entropyRight(), r.entropyWrong(), r.rightTraces(), r.wrongTraces());
      }
    }
  }
}
