package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.TinyGptConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training run depends on; the same plan gives the same weights on the same machine.
 *
 * @param config the model shape
 * @param seed seeds the initial weights and the training problems ({@code ArithmeticProblems} seed)
 * @param steps optimiser steps
 * @param batchSize sequences per step
 * @param learningRate peak Adam learning rate (linear warm-up, cosine decay to a tenth)
 * @param levels arithmetic levels to train on; they enter one by one over the first 40% of the steps
 * @param out where the weights go (rewritten at every checkpoint)
 * @param log where the loss curve goes (tab-separated), or null
 * @param init weights to start from instead of a seeded random initialisation, or null
 * @param uniformLevels draw unlocked levels equally often instead of in proportion to the level
 * @param threads libtorch intra-op threads, 0 for the engine default; 1 makes runs bit-identical (with more threads
 *     libtorch may split reductions differently from run to run)
 */
public record TrainingPlan(
    TinyGptConfig config, long seed, int steps, int batchSize, double learningRate, List<Integer> levels, Path out,
    Path log, Path init, boolean uniformLevels, int threads) {
  public TrainingPlan {
    if (steps <= 0 || batchSize <= 0 || !(learningRate > 0) || levels.isEmpty()) {
      throw new IllegalArgumentException(
          "training needs steps > 0, batch > 0, learning rate > 0 and at least one level: steps=" + steps + " batch="
              + batchSize + " lr=" + learningRate + " levels=" + levels);
    }
    levels = List.copyOf(levels.stream().sorted().toList());
  }

  /** Levels unlocked at {@code step}: curriculum from the easiest, all of them after 40% of the run. */
  List<Integer> unlocked(int step) {
    double progress = (double) step / steps;
    int k = Math.min(levels.size(), 1 + (int) Math.floor(progress * levels.size() / 0.4));
    return levels.subList(0, k);
  }

  /** Learning rate at {@code step}: 100 warm-up steps, then cosine decay to a tenth of the peak. */
  double learningRateAt(int step) {
    int warmup = Math.min(100, steps / 10 + 1);
    if (step < warmup) {
      return learningRate * (step + 1) / warmup;
    }
    double progress = (double) (step - warmup) / Math.max(1, steps - warmup);
    return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }
}
