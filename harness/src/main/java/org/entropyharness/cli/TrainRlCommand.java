package org.entropyharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.entropyharness.lm.embedded.WeightsFile;
import org.entropyharness.lm.train.rl.GrpoTrainer;
import org.entropyharness.lm.train.rl.RlListener;
import org.entropyharness.lm.train.rl.RlPlan;
import org.entropyharness.lm.train.rl.RlStep;
import org.entropyharness.store.ArrowTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness train-rl}: GRPO on the embedded model under one entropy treatment, with half-precision checkpoints,
 * their manifest lines and an Arrow log of every step.
 */
@Command(
    name = "train-rl",
    mixinStandardHelpOptions = true,
    description = "Fine-tunes the embedded model with GRPO on generated arithmetic under an entropy treatment"
        + " (seeded; bit-identical with --threads 1); see docs/rl-entropy.md.")
public final class TrainRlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RlTreatmentOptions treatment = new RlTreatmentOptions();

  @Option(names = "--init", description = "start model (default: datasets/models/arith-tiny.bin)")
  Path init;

  @Option(names = "--out-dir", description = "checkpoint folder (default: datasets/models/rl/<treatment id>)")
  Path outDir;

  @Option(names = "--log", description = "Arrow training log (default: <out-dir>/train-log.arrow)")
  Path log;

  @Option(names = "--manifest", description = "MANIFEST.tsv to give each checkpoint a line (path, sha256, command)")
  Path manifest;

  @Option(names = "--seed", description = "seeds problems, rollouts and Clip-Cov (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--steps", description = "GRPO steps (default: ${DEFAULT-VALUE})")
  int steps = 120;

  @Option(names = "--prompts", description = "prompts per step (default: ${DEFAULT-VALUE})")
  int prompts = 16;

  @Option(names = "--samples", description = "responses per prompt, the group size n (default: ${DEFAULT-VALUE})")
  int samples = 8;

  @Option(names = "--levels", split = ",", description = "arithmetic levels of the prompts (default: 2,3)")
  List<Integer> levels = new ArrayList<>(List.of(2, 3));

  @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
  double learningRate = 5e-5;

  @Option(names = "--clip-eps", description = "PPO clip range of the ratio (default: ${DEFAULT-VALUE})")
  double clipEpsilon = 0.2;

  @Option(names = "--kl-coef", description = "k3 KL-to-start weight in the loss; 0 logs it only (default: ${DEFAULT-VALUE})")
  double klCoefficient = 0;

  @Option(names = "--mini-batches", description = "updates per step (default: ${DEFAULT-VALUE})")
  int miniBatches = 2;

  @Option(names = "--checkpoint-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
  int checkpointEvery = 24;

  @Option(names = "--save-start", description = "also write the start model as step-0000.bin")
  boolean saveStart;

  @Option(names = "--precision", description = "checkpoint values: FLOAT16 or FLOAT32 (default: ${DEFAULT-VALUE})")
  WeightsFile.Precision precision = WeightsFile.Precision.FLOAT16;

  @Option(names = "--threads", description = "libtorch threads; 1 gives bit-identical runs (default: ${DEFAULT-VALUE})")
  int threads = 1;

  @Option(names = "--rollout-threads", description = "threads sampling prompts in parallel (default: ${DEFAULT-VALUE})")
  int rolloutThreads = 2;

  @Override
  public Integer call() throws IOException, InterruptedException {
    var chosen = treatment.treatment();
    Path root = Path.of(System.getProperty("harness.root", "."));
    Path start = init != null ? init : root.resolve("datasets/models/arith-tiny.bin");
    if (!java.nio.file.Files.isRegularFile(start)) {
      throw new IOException(start + ":1:1: no such weights file; give --init <weights file>");
    }
    Path dir = outDir != null ? outDir : root.resolve("datasets/models/rl").resolve(chosen.id());
    Path logFile = log != null ? log : dir.resolve("train-log.arrow");
    RlPlan plan = new RlPlan(start, dir, chosen, seed, steps, prompts, samples, levels, learningRate, clipEpsilon,
        klCoefficient, miniBatches, checkpointEvery, saveStart, threads, rolloutThreads, precision);
    String command = "harness " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    PrintWriter out = spec.commandLine().getOut();
    long began = System.nanoTime();
    Listener listener = new Listener(logFile, command, out);
    try (listener) {
      new GrpoTrainer(plan).train(listener);
    }
    out.printf(Locale.ROOT, "wrote %s: %d steps of %s in %.1f s; log %s%n", dir, steps, chosen.id(),
        (System.nanoTime() - began) / 1e9, logFile);
    out.flush();
    return 0;
  }

  /** Draws the progress, keeps the log and writes manifest lines. */
  private final class Listener implements RlListener, AutoCloseable {
    private final Path logFile;
    private final String command;
    private final PrintWriter out;
    private final List<RlStep> rows = new ArrayList<>();
    private final ProgressBar bar;

    Listener(Path logFile, String command, PrintWriter out) {
      this.logFile = logFile;
      this.command = command;
      this.out = out;
      this.bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("train-rl")
          .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
          .setUpdateIntervalMillis(500).build();
    }

    @Override
    public void step(RlStep step) {
      rows.add(step);
      String summary = String.format(Locale.ROOT,
          "reward %.3f H %.4f len %.1f clip %.3f kl %.4f groups %d | %.0f tok/s (sample %.1f s, update %.1f s)",
          step.rewardMean(), step.entropy(), step.responseLength(), step.clipFraction(), step.klToStart(),
          step.groupsKept(), step.tokensPerSecond(), step.rolloutSeconds(), step.updateSeconds());
      if (bar != null) {
        bar.stepTo(step.step());
        bar.setExtraMessage(summary);
      } else {
        out.printf(Locale.ROOT, "step %d/%d %s%n", step.step(), steps, summary);
        out.flush();
      }
    }

    @Override
    public void checkpoint(int step, Path file) throws IOException {
      ArrowTables.write(logFile, RlTrainingLog.TABLE, rows);
      if (manifest != null) {
        RlManifest.put(manifest, file, command, "seed " + seed + ", step " + step + " of " + steps);
      }
    }

    @Override
    public void close() throws IOException {
      if (bar != null) {
        bar.close();
      }
      ArrowTables.write(logFile, RlTrainingLog.TABLE, rows);
    }
  }
}
