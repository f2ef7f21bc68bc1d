package org.entropyharness.lm.train.rl;

import java.nio.file.Path;
import java.util.List;
import org.entropyharness.lm.embedded.WeightsFile;

/**
 * Everything a GRPO run depends on; the same plan gives the same checkpoints on the same machine with one libtorch
 * thread.
 *
 * @param init the start model's weights
 * @param outDir the folder the checkpoints go to ({@code step-NNNN.bin})
 * @param treatment how entropy is treated
 * @param seed seeds the training problems ({@code ArithmeticProblems(seed)}), the rollouts and Clip-Cov's draw
 * @param steps rollout-and-update steps
 * @param promptsPerStep prompts a step samples (P)
 * @param samplesPerPrompt responses per prompt, the GRPO group (n)
 * @param levels arithmetic levels of the prompts, in turn
 * @param learningRate constant Adam learning rate
 * @param clipEpsilon PPO clip range ε of the importance ratio
 * @param klCoefficient weight of the k3 KL to the start model in the loss (0: off; the KL is still logged)
 * @param miniBatches updates per step: the step's update samples are split in this many parts, in order
 * @param checkpointEvery write a checkpoint after every this many steps (and after the last)
 * @param saveStart also write the start model as {@code step-0000.bin}
 * @param threads libtorch intra-op threads (1 makes the weights bit-identical from run to run)
 * @param rolloutThreads threads sampling prompts in parallel (does not change the samples)
 * @param precision how checkpoints store their values (float16 to ship, float32 to compare runs bit for bit)
 */
public record RlPlan(
    Path init, Path outDir, RlTreatment treatment, long seed, int steps, int promptsPerStep, int samplesPerPrompt,
    List<Integer> levels, double learningRate, double clipEpsilon, double klCoefficient, int miniBatches,
    int checkpointEvery, boolean saveStart, int threads, int rolloutThreads, WeightsFile.Precision precision) {
  public RlPlan {
    levels = List.copyOf(levels);
    if (steps <= 0 || promptsPerStep <= 0 || samplesPerPrompt < 2 || miniBatches <= 0 || checkpointEvery <= 0
        || levels.isEmpty() || threads < 0 || rolloutThreads <= 0) {
      throw new IllegalArgumentException("GRPO needs steps, prompts, mini-batches, checkpoint interval and rollout"
          + " threads > 0, at least 2 samples per prompt and a level: steps=" + steps + " prompts=" + promptsPerStep
          + " samples=" + samplesPerPrompt + " mini-batches=" + miniBatches + " every=" + checkpointEvery
          + " levels=" + levels);
    }
    java.util.Objects.requireNonNull(precision, "precision");
    if (!(learningRate > 0) || !(clipEpsilon > 0) || !(klCoefficient >= 0)) {
      throw new IllegalArgumentException("learning rate and clip epsilon must be > 0, the KL coefficient >= 0: lr="
          + learningRate + " eps=" + clipEpsilon + " kl=" + klCoefficient);
    }
  }

  /** The response limit: the model's context ends it anyway. */
  int maxResponseTokens() {
    return 128;
  }

  /** The checkpoint of the model after {@code step} steps. */
  public Path checkpoint(int step) {
    return outDir.resolve(String.format(java.util.Locale.ROOT, "step-%04d.bin", step));
  }
}
