package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.CharTokenizer;
import java.util.List;
import java.util.SplittableRandom;
import org.entropyharness.data.math.ArithmeticProblems;

/**
 * One training batch: inputs and next-token targets padded to the longest sequence, and a loss mask that keeps only
 * the solution tokens (the prompt is given, not learnt).
 *
 * @param inputs token ids, row-major {@code [rows, length]}
 * @param targets next-token ids, same layout
 * @param mask 1 where the target is a solution token, else 0
 * @param rows sequences in the batch
 * @param length padded sequence length
 */
record TrainingBatch(int[] inputs, int[] targets, float[] mask, int rows, int length) {

  /** The batch for {@code step}: each row a fresh problem of a level drawn from the unlocked ones, by weight. */
  static TrainingBatch draw(TrainingPlan plan, ArithmeticProblems problems, CharTokenizer tokenizer, int step) {
    SplittableRandom rng = new SplittableRandom(plan.seed() * 1_000_003L + step);
    List<Integer> unlocked = plan.unlocked(step);
    int rows = plan.batchSize();
    int[][] sequences = new int[rows][];
    int[] promptLengths = new int[rows];
    int longest = 0;
    for (int r = 0; r < rows; r++) {
      ArithmeticProblems.Example example = problems.example(pickLevel(rng, unlocked, plan.uniformLevels()), step * rows + r);
      int[] prompt = tokenizer.encodePrompt(example.problem().question());
      int[] solution = tokenizer.encode(example.solution());
      int[] sequence = new int[prompt.length + solution.length + 1];
      System.arraycopy(prompt, 0, sequence, 0, prompt.length);
      System.arraycopy(solution, 0, sequence, prompt.length, solution.length);
      sequence[sequence.length - 1] = CharTokenizer.EOS;
      sequences[r] = sequence;
      promptLengths[r] = prompt.length;
      longest = Math.max(longest, sequence.length - 1);
    }
    if (longest > plan.config().maxLength()) {
      throw new IllegalStateException("a training sequence of " + longest + " tokens exceeds max_length "
          + plan.config().maxLength() + "; raise max_length");
    }
    return pack(sequences, promptLengths, longest);
  }

  private static TrainingBatch pack(int[][] sequences, int[] promptLengths, int length) {
    int rows = sequences.length;
    int[] inputs = new int[rows * length];
    int[] targets = new int[rows * length];
    float[] mask = new float[rows * length];
    for (int r = 0; r < rows; r++) {
      int[] s = sequences[r];
      for (int j = 0; j + 1 < s.length; j++) {
        inputs[r * length + j] = s[j];
        targets[r * length + j] = s[j + 1];
        mask[r * length + j] = j + 1 >= promptLengths[r] ? 1f : 0f;
      }
    }
    return new TrainingBatch(inputs, targets, mask, rows, length);
  }

  /** Harder levels are drawn more often (weight = level), since they have more to learn, unless uniform. */
  private static int pickLevel(SplittableRandom rng, List<Integer> unlocked, boolean uniform) {
    if (uniform) {
      return unlocked.get(rng.nextInt(unlocked.size()));
    }
    int total = unlocked.stream().mapToInt(Integer::intValue).sum();
    int x = rng.nextInt(total);
    for (int level : unlocked) {
      x -= level;
      if (x < 0) {
        return level;
      }
    }
    return unlocked.get(unlocked.size() - 1);
  }
}
