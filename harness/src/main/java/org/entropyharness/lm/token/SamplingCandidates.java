package org.entropyharness.lm.token;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The tokens one sampling step may draw: every token with non-zero probability, by descending probability (ties by
 * ascending id), cut by top-k, then top-p, then min-p, the order of Hugging Face transformers' logits warpers
 * ({@code TopKLogitsWarper}, {@code TopPLogitsWarper}, {@code MinPLogitsWarper}), each acting on what the one before
 * left:
 *
 * <ul>
 *   <li>top-k keeps the k most likely (0, or k at least the number of tokens, keeps all);
 *   <li>top-p keeps the shortest prefix whose mass reaches p times the mass top-k kept (Holtzman et al. 2020, on the
 *       distribution renormalised after top-k; p = 1 keeps all);
 *   <li>min-p keeps the tokens whose probability is at least min-p times the most likely one's (Nguyen et al. 2024,
 *       "Turning Up the Heat: Min-p Sampling"; 0 keeps all). The most likely token always stays.
 * </ul>
 *
 * <p>Only the probabilities are sorted (a primitive sort); the id at a rank is looked up when it is needed, so a step
 * over a 151,936-token vocabulary sorts no boxed ids.
 *
 * @param probabilities the probability of every token of the row, by id
 * @param descending the non-zero probabilities, largest first
 * @param kept how many leading ranks survive the filters (at least 1)
 */
record SamplingCandidates(double[] probabilities, double[] descending, int kept) {

  /** Filters a probability row (non-negative, summing to 1 up to rounding, at least one positive). */
  static SamplingCandidates of(double[] probabilities, int topK, double topP, double minP) {
    double[] descending = descending(probabilities);
    int keep = topK > 0 ? Math.min(topK, descending.length) : descending.length;
    if (topP < 1) {
      // Against the mass top-k kept; exactly p when top-k kept everything, whose mass is 1 up to rounding.
      double threshold = keep < descending.length ? topP * mass(descending, keep) : topP;
      double mass = 0;
      for (int r = 0; r < keep; r++) {
        mass += descending[r];
        if (mass >= threshold) {
          keep = r + 1;
          break;
        }
      }
    }
    double floor = minP * descending[0];
    int kept = 1;
    while (kept < keep && descending[kept] >= floor) {
      kept++;
    }
    return new SamplingCandidates(probabilities, descending, kept);
  }

  /** The surviving token ids, most likely first. */
  int[] tokens() {
    return IntStream.range(0, kept).map(this::tokenAt).toArray();
  }

  /**
   * One draw in proportion to the surviving probabilities (renormalised over them), with one {@code nextDouble} from
   * {@code random}: the cumulative sum is walked in descending probability.
   */
  int draw(SplittableRandom random) {
    double u = random.nextDouble() * mass(descending, kept);
    for (int r = 0; r < kept; r++) {
      u -= descending[r];
      if (u < 0) {
        return tokenAt(r);
      }
    }
    // Rounding can leave u at or just above 0 after the last subtraction: that mass belongs to the last token.
    return tokenAt(kept - 1);
  }

  /** The id at a rank: among the tokens of that probability, the one at the same place by ascending id. */
  private int tokenAt(int rank) {
    double p = descending[rank];
    int before = rank;
    while (before > 0 && descending[before - 1] == p) {
      before--;
    }
    int skip = rank - before;
    for (int id = 0; id < probabilities.length; id++) {
      if (probabilities[id] == p && skip-- == 0) {
        return id;
      }
    }
    throw new IllegalStateException("no token of probability " + p);
  }

  private static double mass(double[] descending, int count) {
    double total = 0;
    for (int r = 0; r < count; r++) {
      total += descending[r];
    }
    return total;
  }

  private static double[] descending(double[] probabilities) {
    double[] positive = Arrays.stream(probabilities).filter(p -> p > 0).sorted().toArray();
    for (int i = 0, j = positive.length - 1; i < j; i++, j--) {
      double t = positive[i];
      positive[i] = positive[j];
      positive[j] = t;
    }
    return positive;
  }
}
