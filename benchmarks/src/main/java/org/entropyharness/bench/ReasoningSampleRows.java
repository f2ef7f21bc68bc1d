package org.entropyharness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entropyharness.store.SampleRow;

/**
 * Sample rows shaped like a MATH-500 reasoning run: cells of 500 problems × 16 traces, LaTeX answers of a few to a few
 * dozen characters, about 60% of traces correct, one in 200 failed, per-token entropies as long as the completion and
 * a text of about four characters per token ending in a boxed answer. Deterministic for a seed.
 */
final class ReasoningSampleRows {
  static final int PROBLEMS = 500;
  static final int TRACES = 16;

  private static final String[] METHODS = {"sample", "self-consistency", "deepconf", "entropy-vote"};
  private static final String[] SUBJECTS = {
    "algebra", "counting_and_probability", "geometry", "intermediate_algebra", "number_theory", "prealgebra",
    "precalculus"
  };
  private static final String[] WORDS = {
    "Let", "we", "the", "of", "so", "and", "is", "=", "+", "-", "\\cdot", "x", "y", "n", "\\frac{1}{2}", "sum",
    "therefore", "substitute", "into", "equation", "which", "gives", "Since", "both", "sides", "by", "factor",
    "roots", "check", "case", "\\sqrt{2}", "(x-1)", "2^n", "first", "then", "value"
  };

  private final Random random;
  private final int meanCompletionTokens;
  private final String[] itemIds = new String[PROBLEMS];
  private final String[] slices = new String[PROBLEMS];
  private final String[] references = new String[PROBLEMS];

  ReasoningSampleRows(long seed, int meanCompletionTokens) {
    this.random = new Random(seed);
    this.meanCompletionTokens = meanCompletionTokens;
    for (int p = 0; p < PROBLEMS; p++) {
      itemIds[p] = "test/" + SUBJECTS[p % SUBJECTS.length] + "/" + random.nextInt(5_000) + ".json";
      slices[p] = "L" + (1 + random.nextInt(5));
      references[p] = answer();
    }
  }

  /** {@code count} rows, cell after cell; a cell is one method and seed over every problem and trace. */
  List<SampleRow> rows(int count) {
    List<SampleRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int cell = i / (PROBLEMS * TRACES);
      String method = METHODS[cell % METHODS.length];
      long seed = 1 + cell / METHODS.length;
      rows.add(trace(method + "@" + seed, method, seed, (i / TRACES) % PROBLEMS, i % TRACES));
    }
    return rows;
  }

  private SampleRow trace(String cellId, String method, long seed, int problem, int index) {
    if (random.nextInt(200) == 0) { // what the runner stores for a trace whose request failed
      return new SampleRow(cellId, method, seed, slices[problem], itemIds[problem], index, "", references[problem],
          null, 0, Double.NaN, 0, 0, new float[0], "", "failed",
          "error: request timed out after 600 s (attempt 7 of 7)");
    }
    int tokens = meanCompletionTokens / 2 + random.nextInt(meanCompletionTokens + 1);
    float[] entropies = new float[tokens];
    double sum = 0;
    for (int t = 0; t < tokens; t++) {
      entropies[t] = (float) (-Math.log(1 - random.nextDouble()) * 0.4); // mostly confident tokens, a long tail
      sum += entropies[t];
    }
    boolean correct = random.nextDouble() < 0.6;
    String prediction = correct ? references[problem] : answer();
    double deepConfConfidence = 2 + 16 * random.nextDouble();
    return new SampleRow(cellId, method, seed, slices[problem], itemIds[problem], index, prediction,
        references[problem], correct, deepConfConfidence, sum / tokens, 60 + random.nextInt(340), tokens, entropies,
        text(4 * tokens, prediction), random.nextInt(10) == 0 ? "answer-is" : "boxed", "ok");
  }

  private String text(int length, String answer) {
    StringBuilder text = new StringBuilder(length + 48);
    while (text.length() < length) {
      text.append(random.nextInt(8) == 0 ? Integer.toString(random.nextInt(1000)) : WORDS[random.nextInt(WORDS.length)])
          .append(random.nextInt(12) == 0 ? ".\n" : " ");
    }
    return text.append("So the final answer is \\boxed{").append(answer).append("}.").toString();
  }

  /** A MATH-style final answer: an integer, a fraction, a surd, an ordered pair or an interval. */
  private String answer() {
    int a = 1 + random.nextInt(99);
    int b = 2 + random.nextInt(30);
    return switch (random.nextInt(6)) {
      case 0 -> Integer.toString(random.nextInt(20_000) - 1_000);
      case 1 -> "\\frac{" + a + "}{" + b + "}";
      case 2 -> a + "\\sqrt{" + b + "}";
      case 3 -> "\\frac{" + a + "\\sqrt{" + b + "}}{" + (b + 1) + "}";
      case 4 -> "(" + (a - 50) + ", " + (b - 10) + ")";
      default -> "[" + (-a) + ", " + b + ")";
    };
  }
}
