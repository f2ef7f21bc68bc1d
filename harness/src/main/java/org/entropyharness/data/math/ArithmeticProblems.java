package org.entropyharness.data.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded synthetic arithmetic set: chains of {@code + - *} over non-negative integers, at the higher levels
 * wrapped as {@code (chain)/d}, with a step-by-step solution that rewrites the expression one operation at a time
 * and ends in {@code \boxed{answer}}.
 *
 * <p>Levels: 1 is {@code a+b} with a, b ≤ 20; 2 is two {@code +/-} operations up to 30; 3 is three operations
 * up to 50 including {@code *} by a single digit; 4 is 3–4 operations up to 99 and, one time in four, a division;
 * 5 is 4–5 operations up to 99 and, one time in three, a division. Intermediate values never go negative. Answers
 * are integers except where a division leaves a remainder (levels 4–5), then a reduced fraction {@code p/q}.
 *
 * <p>Every item depends only on (seed, level, index), so any subset can be regenerated alone.
 */
public final class ArithmeticProblems {
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;

  private final long seed;

  /** A problem with the chain-of-thought solution text the embedded model is trained on. */
  public record Example(Problem problem, String solution) {}

  public ArithmeticProblems(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The problem {@code arith/L<level>/<index>}. */
  public Problem problem(int level, int index) {
    return example(level, index).problem();
  }

  /** Problems {@code 0..perLevel-1} of each level, level by level. */
  public List<Problem> problems(List<Integer> levels, int perLevel) {
    List<Problem> out = new ArrayList<>();
    for (int level : levels) {
      for (int i = 0; i < perLevel; i++) {
        out.add(problem(level, i));
      }
    }
    return out;
  }

  /** The problem {@code arith/L<level>/<index>} with its step-by-step solution. */
  public Example example(int level, int index) {
    if (level < MIN_LEVEL || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "arithmetic level " + level + " is out of range; use a level from " + MIN_LEVEL + " to " + MAX_LEVEL);
    }
    if (index < 0) {
      throw new IllegalArgumentException("problem index must be >= 0: " + index);
    }
    SplittableRandom rng = new SplittableRandom(mix(seed, level, index));
    Expression expression = drawValid(rng, level);
    List<String> steps = expression.solve();
    String answer = steps.get(steps.size() - 1);
    StringBuilder solution = new StringBuilder();
    for (String step : steps) {
      solution.append('=').append(step).append('\n');
    }
    solution.append("\\boxed{").append(answer).append('}');
    String id = "arith/L" + level + "/" + index;
    Problem problem =
        new Problem(id, expression.render(), answer, "L" + level, Map.of("level", Integer.toString(level)));
    return new Example(problem, solution.toString());
  }

  private static Expression drawValid(SplittableRandom rng, int level) {
    while (true) {
      Expression candidate = draw(rng, level);
      if (candidate.staysNonNegative()) {
        return candidate;
      }
    }
  }

  private static Expression draw(SplittableRandom rng, int level) {
    int ops = switch (level) {
      case 1 -> 1;
      case 2 -> 2;
      case 3 -> 3;
      case 4 -> 3 + rng.nextInt(2);
      default -> 4 + rng.nextInt(2);
    };
    int max = new int[] {20, 30, 50, 99, 99}[level - 1];
    String operators = level == 1 ? "+" : level == 2 ? "+-" : "+-*";
    List<Long> numbers = new ArrayList<>();
    List<Character> signs = new ArrayList<>();
    numbers.add((long) rng.nextInt(max + 1));
    for (int i = 0; i < ops; i++) {
      char op = operators.charAt(rng.nextInt(operators.length()));
      if (op == '*' && i > 0 && signs.get(i - 1) == '*') {
        // No chained products: a two-digit number times two digits is beyond what one rewrite should ask.
        op = rng.nextBoolean() ? '+' : '-';
      }
      signs.add(op);
      // Multiplying by one digit keeps each rewrite within reach of a small model.
      numbers.add(op == '*' ? 2 + rng.nextInt(8) : (long) rng.nextInt(max + 1));
    }
    double divisionShare = level == 4 ? 0.25 : level == 5 ? 1.0 / 3 : 0;
    long divisor = rng.nextDouble() < divisionShare ? chooseDivisor(rng, numbers, signs) : 0;
    return new Expression(numbers, signs, divisor);
  }

  private static long chooseDivisor(SplittableRandom rng, List<Long> numbers, List<Character> signs) {
    long value = new Expression(numbers, signs, 0).chainValue();
    // Half the divisions divide exactly, so most answers stay integers.
    if (rng.nextBoolean() && value > 0) {
      List<Long> exact = new ArrayList<>();
      for (long d = 2; d <= 9; d++) {
        if (value % d == 0) {
          exact.add(d);
        }
      }
      if (!exact.isEmpty()) {
        return exact.get(rng.nextInt(exact.size()));
      }
    }
    return 2 + rng.nextInt(8);
  }

  static long mix(long seed, int level, int index) {
    long h = seed * 0x9E3779B97F4A7C15L + level * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    h *= 0xD6E8FEB86659FD93L;
    return h ^ (h >>> 32);
  }
}
