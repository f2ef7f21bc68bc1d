package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.embedded.WeightsFile;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.entropyharness.data.math.ArithmeticProblems;

/**
 * Trains the embedded transformer on DJL (PyTorch engine, CPU): cross-entropy on the solution tokens of generated
 * arithmetic problems, Adam with gradient clipping, a curriculum over levels. Checkpoints every 250 steps.
 */
public final class EmbeddedTrainer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.98;
  private static final double EPS = 1e-8;
  private static final double CLIP = 1.0;

  private final TrainingPlan plan;
  private final CharTokenizer tokenizer = new CharTokenizer();

  /** A trainer for one plan. */
  public EmbeddedTrainer(TrainingPlan plan) {
    this.plan = plan;
  }

  /** Runs the plan and returns the final smoothed loss (nats per solution token). */
  public double train() throws IOException {
    Engine.getInstance().setRandomSeed((int) plan.seed());
    if (plan.threads() > 0) {
      JniUtils.setNumThreads(plan.threads());
    }
    ArithmeticProblems problems = new ArithmeticProblems(plan.seed());
    double smoothed = Double.NaN;
    long start = System.nanoTime();
    try (NDManager root = NDManager.newBaseManager();
        PrintWriter log = plan.log() == null ? null : new PrintWriter(Files.newBufferedWriter(plan.log()))) {
      Map<String, NDArray> params = initialise(root);
      Adam adam = new Adam(params, BETA1, BETA2, EPS, CLIP);
      DjlTransformer model = new DjlTransformer(plan.config(), params);
      logLine(log, "step\tloss\tsmoothed\tlr\tlevels\tseconds");
      for (int step = 0; step < plan.steps(); step++) {
        double loss = step(root, model, adam, TrainingBatch.draw(plan, problems, tokenizer, step), step);
        smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
        if (step % 25 == 0 || step == plan.steps() - 1) {
          logLine(log, String.format(Locale.ROOT, "%d\t%.4f\t%.4f\t%.2e\t%s\t%.1f", step, loss, smoothed,
              plan.learningRateAt(step), plan.unlocked(step), (System.nanoTime() - start) / 1e9));
        }
        if ((step + 1) % 250 == 0 || step == plan.steps() - 1) {
          save(params);
        }
      }
    }
    return smoothed;
  }

  private double step(NDManager root, DjlTransformer model, Adam adam, TrainingBatch batch, int step) {
    try (NDManager sub = root.newSubManager()) {
      adam.attach(sub);
      NDArray inputs = sub.create(batch.inputs(), new Shape(batch.rows(), batch.length()));
      NDArray targets = sub.create(batch.targets(), new Shape(batch.rows(), batch.length()));
      NDArray mask = sub.create(batch.mask(), new Shape(batch.rows(), batch.length()));
      float loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logp = model.forward(inputs).logSoftmax(-1);
        NDArray picked = logp.mul(targets.oneHot(plan.config().vocabularySize(), DataType.FLOAT32)).sum(new int[] {2});
        NDArray lossArray = picked.mul(mask).sum().div(mask.sum()).neg();
        collector.backward(lossArray);
        loss = lossArray.getFloat();
      }
      adam.step(plan.learningRateAt(step));
      return loss;
    }
  }

  private Map<String, NDArray> initialise(NDManager root) throws IOException {
    if (plan.init() != null) {
      WeightsFile start = WeightsFile.read(plan.init());
      if (!start.config().equals(plan.config())) {
        throw new IllegalArgumentException("--init " + plan.init() + " has shape " + start.config()
            + " but the plan asks for " + plan.config() + "; pass the same model options");
      }
      Map<String, NDArray> params = DjlTransformer.of(start, root).parameters();
      params.values().forEach(p -> p.setRequiresGradient(true));
      return params;
    }
    SplittableRandom rng = new SplittableRandom(plan.seed());
    Map<String, NDArray> params = new LinkedHashMap<>();
    double residualScale = 0.02 / Math.sqrt(2.0 * plan.config().layers());
    plan.config().parameterShapes().forEach((name, shape) -> {
      float[] values = new float[product(shape)];
      if (name.endsWith(".g")) {
        java.util.Arrays.fill(values, 1f);
      } else if (shape.length == 2) {
        double std = name.endsWith("proj.w") || name.endsWith("fc2.w") ? residualScale : 0.02;
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (rng.nextGaussian() * std);
        }
      }
      NDArray p = root.create(values, DjlTransformer.shapeOf(shape));
      p.setRequiresGradient(true);
      params.put(name, p);
    });
    return params;
  }

  private void save(Map<String, NDArray> params) throws IOException {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    params.forEach((name, p) -> tensors.put(name, p.toFloatArray()));
    Path tmp = plan.out().resolveSibling(plan.out().getFileName() + ".tmp");
    new WeightsFile(plan.config(), tensors).write(tmp);
    Files.move(tmp, plan.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void logLine(PrintWriter log, String line) {
    System.out.println(line);
    if (log != null) {
      log.println(line);
      log.flush();
    }
  }

  private static int product(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
