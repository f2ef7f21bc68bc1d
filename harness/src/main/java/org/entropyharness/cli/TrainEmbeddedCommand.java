package org.entropyharness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.train.EmbeddedTrainer;
import org.entropyharness.lm.embedded.TinyGptConfig;
import org.entropyharness.lm.train.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code harness train-embedded}: trains the embedded arithmetic model on DJL (CPU) and writes its weights file. */
@Command(
    name = "train-embedded",
    mixinStandardHelpOptions = true,
    description = "Trains the embedded arith-tiny transformer on generated arithmetic (seeded, reproducible).")
public final class TrainEmbeddedCommand implements Callable<Integer> {

  @Option(names = "--out", description = "weights file to write (default: ${DEFAULT-VALUE})")
  Path out = Path.of("datasets/models/arith-tiny.bin");

  @Option(names = "--log", description = "tab-separated loss log (default: none)")
  Path log;

  @Option(names = "--seed", description = "seed of the weights and the training problems (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--steps", description = "optimiser steps (default: ${DEFAULT-VALUE})")
  int steps = 3500;

  @Option(names = "--batch", description = "sequences per step (default: ${DEFAULT-VALUE})")
  int batch = 32;

  @Option(names = "--lr", description = "peak learning rate (default: ${DEFAULT-VALUE})")
  double learningRate = 2e-3;

  @Option(names = "--levels", split = ",", description = "arithmetic levels, easiest first (default: 1,2,3,4,5)")
  List<Integer> levels = List.of(1, 2, 3, 4, 5);

  @Option(names = "--init", description = "continue from these weights instead of a random start")
  Path init;

  @Option(names = "--uniform-levels", description = "draw levels equally often (default: in proportion to level)")
  boolean uniformLevels;

  @Option(names = "--threads", description = "libtorch threads; 1 gives bit-identical runs (default: engine's)")
  int threads;

  @Option(names = "--d-model", description = "residual width (default: ${DEFAULT-VALUE})")
  int dModel = 128;

  @Option(names = "--layers", description = "transformer blocks (default: ${DEFAULT-VALUE})")
  int layers = 3;

  @Option(names = "--heads", description = "attention heads (default: ${DEFAULT-VALUE})")
  int heads = 4;

  @Option(names = "--ff-dim", description = "MLP hidden width (default: ${DEFAULT-VALUE})")
  int ffDim = 512;

  @Option(names = "--max-length", description = "longest sequence in tokens (default: ${DEFAULT-VALUE})")
  int maxLength = 128;

  @Override
  public Integer call() throws Exception {
    org.entropyharness.guard.OutputTargets.file(out, "--out");
    TinyGptConfig config =
        new TinyGptConfig(new CharTokenizer().vocabularySize(), dModel, heads, layers, ffDim, maxLength);
    TrainingPlan plan = new TrainingPlan(config, seed, steps, batch, learningRate, levels, out, log, init, uniformLevels, threads);
    long start = System.nanoTime();
    double loss = new EmbeddedTrainer(plan).train();
    System.out.printf(Locale.ROOT, "wrote %s: final smoothed loss %.4f after %d steps in %.1f s%n", out, loss, steps,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
