package org.entropyharness.method.tta;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.AdaptableClassifier;

/**
 * RoTTA (Yuan et al., CVPR 2023; BIT-DA/RoTTA and the benchmark's {@code methods/rotta.py}): robust BatchNorm
 * ({@link RobustBatchNorm}, momentum {@code alpha}) in a teacher and a student; the teacher, in evaluation mode,
 * predicts each batch and its pseudo-labels and entropies feed a category-balanced memory ({@link BalancedMemory});
 * every {@code update-frequency} images the student learns on strongly augmented memory images to match the
 * teacher's predictions on the plain ones (soft cross-entropy weighted by timeliness {@code e^{−a}/(1 + e^{−a})},
 * a the item's age over the capacity), then the teacher's affine parameters move to the student's by
 * {@code nu}. Both forwards of an update run in training mode, so they move their robust statistics.
 */
final class Rotta implements AdaptationMethod {
  private final AdaptableClassifier model;
  private final MethodParams params;
  private final Optimizer optimizer;
  private final Augmentation augmentation;
  private final float[] initialAffine;
  private final float[] initialStatistics;
  private final int capacity;
  private final int frequency;
  private float[] student;
  private float[] teacher;
  private RobustBatchNorm studentNorm;
  private RobustBatchNorm teacherNorm;
  private BalancedMemory memory;
  private long instances;

  Rotta(AdaptableClassifier model, MethodParams params, Augmentation augmentation) {
    this.model = model;
    this.params = params;
    this.augmentation = augmentation;
    this.initialAffine = model.initialAffine();
    this.initialStatistics = model.runningStatistics();
    this.capacity = params.integer("memory-size");
    this.frequency = params.integer("update-frequency");
    this.optimizer = Optimizer.fromParams(params, initialAffine.length);
    reset();
  }

  @Override
  public String id() {
    return "rotta";
  }

  @Override
  public StepResult step(ImageBatch batch) {
    int classes = model.classes();
    int size = batch.height();
    float[] unit = CifarInput.unit(batch);
    float[] probabilities = teacherProbabilities(unit, batch.count(), size);
    if (!Entropies.allFinite(probabilities)) {
      return new StepResult(probabilities, classes, 0, 0, 1);
    }
    int per = 3 * size * size;
    int backward = 0;
    int nonFinite = 0;
    for (int i = 0; i < batch.count(); i++) {
      int label = argmax(probabilities, i * classes, classes);
      double entropy = 0;
      for (int c = 0; c < classes; c++) {
        double p = probabilities[i * classes + c];
        entropy -= p * Math.log(p + 1e-6);
      }
      memory.add(java.util.Arrays.copyOfRange(unit, i * per, (i + 1) * per), label, entropy);
      instances++;
      if (instances % frequency == 0) {
        int used = update(size);
        backward += Math.max(used, 0);
        nonFinite += used < 0 ? 1 : 0;
      }
    }
    return new StepResult(probabilities, classes, backward, 0, nonFinite);
  }

  /** The teacher's prediction in evaluation mode. */
  private float[] teacherProbabilities(float[] unit, int n, int size) {
    try (NDManager manager = model.newStepManager()) {
      return model.forward(TeacherStudent.input(manager, unit, n, size), manager.create(teacher),
          teacherNorm.training(false)).softmax(1).toFloatArray();
    }
  }

  /** One student update on the memory; returns the images used, or −1 when the gradient was not finite. */
  private int update(int size) {
    List<BalancedMemory.Item> items = memory.items();
    if (items.isEmpty()) {
      return 0;
    }
    int n = items.size();
    int per = 3 * size * size;
    float[] data = new float[n * per];
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(items.get(i).image, 0, data, i * per, per);
      double age = (double) items.get(i).age / capacity;
      weights[i] = (float) (Math.exp(-age) / (1 + Math.exp(-age)));
    }
    float[] strong = augmentation.apply(data, n, size);
    try (NDManager manager = model.newStepManager()) {
      float[] teacherLogits = model.forward(TeacherStudent.input(manager, data, n, size), manager.create(teacher),
          teacherNorm.training(true)).toFloatArray();
      float[] grad = TeacherStudent.softCrossEntropyGradient(manager, student, teacherLogits, weights,
          affine -> model.forward(TeacherStudent.input(manager, strong, n, size), affine, studentNorm.training(true)));
      if (!Entropies.allFinite(grad)) {
        return -1;
      }
      optimizer.step(student, grad);
    }
    TeacherStudent.average(teacher, student, 1 - params.number("nu"));
    return n;
  }

  @Override
  public StepResult predict(ImageBatch batch) {
    float[] p = teacherProbabilities(CifarInput.unit(batch), batch.count(), batch.height());
    return new StepResult(p, model.classes(), 0, 0, Entropies.allFinite(p) ? 0 : 1);
  }

  @Override
  public void reset() {
    student = initialAffine.clone();
    teacher = initialAffine.clone();
    double alpha = params.number("alpha");
    studentNorm = new RobustBatchNorm(model, initialStatistics, alpha);
    teacherNorm = new RobustBatchNorm(model, initialStatistics, alpha);
    memory = new BalancedMemory(capacity, model.classes(), params.number("lambda-t"), params.number("lambda-u"));
    instances = 0;
    optimizer.reset();
    augmentation.restart();
  }

  float[] studentAffine() {
    return student.clone();
  }

  float[] teacherAffine() {
    return teacher.clone();
  }

  float[] teacherStatistics() {
    return teacherNorm.statistics();
  }

  float[] studentStatistics() {
    return studentNorm.statistics();
  }

  int[] memoryCounts() {
    return memory.perClassCounts();
  }

  static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int c = 1; c < length; c++) {
      best = values[offset + c] > values[offset + best] ? c : best;
    }
    return best;
  }

  @Override
  public void close() {}
}
