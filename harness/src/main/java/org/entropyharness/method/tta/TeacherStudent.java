package org.entropyharness.method.tta;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/** Pieces RoTTA and CoTTA share: the soft cross-entropy step, the weight average and tensor helpers. */
final class TeacherStudent {
  private TeacherStudent() {}

  /**
   * The gradient over the student's affine vector of {@code mean_i w_i · (−Σ_c softmax(t_i)_c log softmax(s_i)_c)},
   * the teacher's logits {@code t} fixed, the student's {@code s = forward(affine)}.
   */
  static float[] softCrossEntropyGradient(NDManager manager, float[] student, float[] teacherLogits,
      float[] weights, Function<NDArray, NDArray> forward) {
    try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
      NDArray affine = manager.create(student);
      affine.setRequiresGradient(true);
      NDArray logits = forward.apply(affine);
      NDArray target = manager.create(teacherLogits, logits.getShape()).softmax(1);
      NDArray perSample = target.mul(logits.logSoftmax(1)).sum(new int[] {1}).neg();
      NDArray loss = perSample.mul(manager.create(weights)).mean();
      collector.backward(loss);
      return affine.getGradient().toFloatArray();
    }
  }

  /** {@code teacher ← m · teacher + (1 − m) · student}, in place. */
  static void average(float[] teacher, float[] student, double momentum) {
    for (int i = 0; i < teacher.length; i++) {
      teacher[i] = (float) (momentum * teacher[i] + (1 - momentum) * student[i]);
    }
  }

  /** The NCHW array of normalised unit images. */
  static NDArray input(NDManager manager, float[] unit, int n, int size) {
    return manager.create(org.entropyharness.model.CifarInput.normaliseUnit(unit, size * size),
        new Shape(n, 3, size, size));
  }

  /** Softmax rows of logits. */
  static float[] softmax(NDManager manager, float[] logits, int classes) {
    return manager.create(logits, new Shape(logits.length / classes, classes)).softmax(1).toFloatArray();
  }
}
