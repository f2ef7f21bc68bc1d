package org.entropyharness.lm.train.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.lm.embedded.WeightsFile;
import org.entropyharness.lm.train.Adam;
import org.entropyharness.lm.train.DjlTransformer;

/**
 * GRPO on the embedded model: each step samples n responses to P prompts with the current policy (plain Java,
 * exact per-token distribution), grades them, normalises rewards within each prompt's group, lets the treatment choose what
 * enters the update, and updates the DJL copy of the policy in mini-batches with Adam. Checkpoints are weights
 * files, half precision unless the plan says otherwise.
 */
public final class GrpoTrainer {
  /** Adam as verl's default optimiser (β = 0.9 / 0.999, no weight decay) with gradient clipping at norm 1. */
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private static final double CLIP_NORM = 1.0;

  private final RlPlan plan;

  /** A trainer for one plan. */
  public GrpoTrainer(RlPlan plan) {
    this.plan = plan;
  }

  /** Runs the plan, telling {@code listener} of every step and checkpoint. */
  public void train(RlListener listener) throws IOException, InterruptedException {
    Engine.getInstance(); // loads libtorch before it is configured
    if (plan.threads() > 0) {
      JniUtils.setNumThreads(plan.threads());
    }
    WeightsFile start = WeightsFile.read(plan.init());
    Files.createDirectories(plan.outDir());
    if (plan.saveStart()) {
      listener.checkpoint(0, save(start, 0));
    }
    Rollouts rollouts = new Rollouts(plan);
    ExecutorService pool = Executors.newFixedThreadPool(plan.rolloutThreads(), r -> {
      Thread t = new Thread(r, "rollout");
      t.setDaemon(true);
      return t;
    });
    try (NDManager root = NDManager.newBaseManager()) {
      DjlTransformer policy = DjlTransformer.of(start, root);
      policy.parameters().values().forEach(p -> p.setRequiresGradient(true));
      DjlTransformer reference = DjlTransformer.of(start, root);
      Adam adam = new Adam(policy.parameters(), BETA1, BETA2, EPS, CLIP_NORM);
      GrpoUpdate update = new GrpoUpdate(policy, reference, adam, plan);
      for (int step = 0; step < plan.steps(); step++) {
        listener.step(step(root, policy, update, rollouts, pool, step));
        if ((step + 1) % plan.checkpointEvery() == 0 || step + 1 == plan.steps()) {
          listener.checkpoint(step + 1, save(snapshot(policy), step + 1));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private RlStep step(NDManager root, DjlTransformer policy, GrpoUpdate update, Rollouts rollouts,
      ExecutorService pool, int step) throws InterruptedException {
    long t0 = System.nanoTime();
    EmbeddedModel current = EmbeddedModel.of(snapshot(policy), "policy@" + step, 16);
    List<RolloutSample> samples = rollouts.sample(current, step, pool);
    long t1 = System.nanoTime();
    StepSelection selection = StepSelection.of(samples, plan, step);
    List<GrpoUpdate.Stats> stats = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(plan.seed() * 7_919L + step);
    List<UpdateBatch> batches = new ArrayList<>();
    for (List<Integer> part : selection.miniBatches(plan.miniBatches())) {
      List<RolloutSample> rows = new ArrayList<>(part.size());
      double[] advantages = new double[part.size()];
      for (int i = 0; i < part.size(); i++) {
        rows.add(samples.get(part.get(i)));
        advantages[i] = selection.advantages()[part.get(i)];
      }
      batches.add(update.withOldLogProbs(root, UpdateBatch.pack(rows, advantages)));
    }
    for (UpdateBatch batch : batches) {
      stats.add(update.apply(root, batch, plan.learningRate(), rng));
    }
    long t2 = System.nanoTime();
    return StepSelection.log(step + 1, samples, selection, stats, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  /** The policy's current weights as a weights file (copied off the DJL arrays). */
  private static WeightsFile snapshot(DjlTransformer policy) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : policy.parameters().entrySet()) {
      tensors.put(e.getKey(), e.getValue().toFloatArray());
    }
    return new WeightsFile(policy.config(), tensors);
  }

  /** Writes {@code weights} as the half-precision checkpoint of {@code step}, atomically. */
  private Path save(WeightsFile weights, int step) throws IOException {
    Path file = plan.checkpoint(step);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    weights.write(tmp, plan.precision());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
