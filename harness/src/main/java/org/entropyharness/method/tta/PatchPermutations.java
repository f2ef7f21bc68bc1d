package org.entropyharness.method.tta;

import java.util.Random;

/**
 * Where DeYO's patch permutations come from: a seeded random stream in runs; reference tests give the
 * permutations a PyTorch run drew, so both sides shuffle the same patches.
 */
interface PatchPermutations {
  /** One permutation of the {@code grid²} patches for each of {@code images} images. */
  int[][] next(int images, int grid);

  /** Starts the sequence over, so a reset method draws the same permutations again. */
  void restart();

  /** Permutations from {@code new Random(seed)}, restarted by re-seeding. */
  static PatchPermutations seeded(long seed) {
    return new PatchPermutations() {
      private Random random = new Random(seed);

      @Override
      public int[][] next(int images, int grid) {
        return PatchShuffle.randomPermutations(random, images, grid);
      }

      @Override
      public void restart() {
        random = new Random(seed);
      }
    };
  }
}
