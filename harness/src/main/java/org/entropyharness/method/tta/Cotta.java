package org.entropyharness.method.tta;

import ai.djl.ndarray.NDManager;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.stream.SplitMix64;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * CoTTA (Wang et al., CVPR 2022; qinenergy/cotta and the benchmark's {@code methods/cotta.py}): a student, a
 * weight-averaged teacher and the source model as anchor, all with batch statistics. When the anchor's mean
 * confidence on the batch is below {@code ap}, the teacher's logits are averaged over {@code augmentations}
 * augmented copies ({@link CottaAugment}), else taken on the batch itself; they are the batch's prediction and the
 * student's soft target (cross-entropy, one step); the teacher then moves to the student by {@code 1 − mt}, and
 * each student parameter returns to its source value with probability {@code rst} (stochastic restore).
 *
 * <p>Unlike the reference, which trains every weight, only the BatchNorm affine parameters adapt here, as for every
 * method of this harness (docs/methods.md).
 */
final class Cotta implements AdaptationMethod {
  private final AdaptableClassifier model;
  private final Optimizer optimizer;
  private final Augmentation augmentation;
  private final long seed;
  private final float[] initial;
  private final double teacherMomentum;
  private final double restore;
  private final double confidenceThreshold;
  private final int augmentations;
  private float[] student;
  private float[] teacher;
  private SplitMix64 restoreRandom;

  Cotta(AdaptableClassifier model, MethodParams params, Augmentation augmentation, long seed) {
    this.model = model;
    this.augmentation = augmentation;
    this.seed = seed;
    this.initial = model.initialAffine();
    this.teacherMomentum = params.number("mt");
    this.restore = params.number("rst");
    this.confidenceThreshold = params.number("ap");
    this.augmentations = params.integer("augmentations");
    this.optimizer = Optimizer.fromParams(params, initial.length);
    reset();
  }

  @Override
  public String id() {
    return "cotta";
  }

  @Override
  public StepResult step(ImageBatch batch) {
    int n = batch.count();
    int size = batch.height();
    int classes = model.classes();
    float[] unit = CifarInput.unit(batch);
    float[] grad;
    float[] teacherLogits;
    try (NDManager manager = model.newStepManager()) {
      var x = TeacherStudent.input(manager, unit, n, size);
      teacherLogits = teacherLogits(manager, x, unit, n, size);
      grad = TeacherStudent.softCrossEntropyGradient(manager, student, teacherLogits, ones(n),
          affine -> model.forward(x, affine, true));
    }
    float[] probabilities;
    try (NDManager manager = model.newStepManager()) {
      probabilities = TeacherStudent.softmax(manager, teacherLogits, classes);
    }
    if (!Entropies.allFinite(probabilities) || !Entropies.allFinite(grad)) {
      return new StepResult(probabilities, classes, 0, 0, 1);
    }
    optimizer.step(student, grad);
    TeacherStudent.average(teacher, student, teacherMomentum);
    for (int i = 0; i < student.length; i++) {
      if (restoreRandom.nextDouble() < restore) {
        student[i] = initial[i];
      }
    }
    return new StepResult(probabilities, classes, n, 0, 0);
  }

  /** The teacher's logits: augmentation-averaged when the anchor is unsure, else on the batch. */
  private float[] teacherLogits(NDManager manager, ai.djl.ndarray.NDArray x, float[] unit, int n, int size) {
    float[] anchor = model.forward(x, manager.create(initial), true).softmax(1).toFloatArray();
    int classes = model.classes();
    double confidence = 0;
    for (int i = 0; i < n; i++) {
      confidence += anchor[i * classes + Rotta.argmax(anchor, i * classes, classes)] / n;
    }
    if (confidence >= confidenceThreshold) {
      return model.forward(x, manager.create(teacher), true).toFloatArray();
    }
    float[] sum = new float[n * classes];
    for (int a = 0; a < augmentations; a++) {
      try (NDManager inner = manager.newSubManager()) {
        float[] logits = model.forward(TeacherStudent.input(inner, augmentation.apply(unit, n, size), n, size),
            inner.create(teacher), true).toFloatArray();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += logits[i] / augmentations;
        }
      }
    }
    return sum;
  }

  private static float[] ones(int n) {
    float[] w = new float[n];
    java.util.Arrays.fill(w, 1f);
    return w;
  }

  @Override
  public StepResult predict(ImageBatch batch) {
    try (NDManager manager = model.newStepManager()) {
      float[] p = model.forward(CifarInput.toArray(manager, batch), manager.create(teacher), true).softmax(1)
          .toFloatArray();
      return new StepResult(p, model.classes(), 0, 0, Entropies.allFinite(p) ? 0 : 1);
    }
  }

  @Override
  public void reset() {
    student = initial.clone();
    teacher = initial.clone();
    optimizer.reset();
    augmentation.restart();
    restoreRandom = new SplitMix64(seed ^ 0x5DEECE66DL);
  }

  float[] studentAffine() {
    return student.clone();
  }

  float[] teacherAffine() {
    return teacher.clone();
  }

  @Override
  public void close() {}
}
