package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.Test;

class CottaTest {
  private static final CifarResNet model = ModelFixtures.sharedResnet20();

  private static Cotta cotta(Map<String, Object> params, Augmentation augmentation) {
    return new Cotta(model, MoreReference.params("cotta", params), augmentation, 1);
  }

  /**
   * Reference: benchmarks/python/tta_more_reference.py after the benchmark's cotta.py with ap 1 (the target is
   * always the augmentation average), two augmentations that mirror the images, rst 0, SGD at lr 0.1 (Adam would
   * turn float noise in near-zero gradient components into full steps), BatchNorm affine
   * parameters only, two steps on noisy test images 0..15 and 16..31: the teacher's prediction of the second
   * batch, the student and the teacher. Measured differences to PyTorch: 2e-6 (probabilities), 2.4e-7
   * (student, which the two steps move by up to 0.23), 2.4e-7 (teacher, moved by up to 3.3e-4).
   */
  @Test
  void should_match_two_pytorch_steps_of_student_and_teacher() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(32);
    try (Cotta method = cotta(Map.of("ap", 1.0, "rst", 0.0, "augmentations", 2, "optimizer", "sgd", "lr", 0.1),
        MoreReference.flip())) {
      method.step(noisy.slice(0, 16));
      StepResult second = method.step(noisy.slice(16, 32));

      ReferenceSteps.assertClose("probabilities", second.probabilities(), MoreReference.rows("cotta-probabilities"),
          2e-5);
      ReferenceSteps.assertClose("student", method.studentAffine(), MoreReference.rows("cotta-student"), 1e-6);
      ReferenceSteps.assertClose("teacher", method.teacherAffine(), MoreReference.rows("cotta-teacher"), 2e-6);
    }
  }

  @Test
  void should_average_the_teacher_over_augmentations_only_when_the_anchor_is_unsure() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(16);
    AtomicInteger calls = new AtomicInteger();
    Augmentation counting = new Augmentation() {
      @Override
      public float[] apply(float[] images, int n, int size) {
        calls.incrementAndGet();
        return images.clone();
      }

      @Override
      public void restart() {}
    };
    try (Cotta sure = cotta(Map.of("ap", 0.0, "augmentations", 3), counting)) {
      sure.step(noisy);
    }
    assertThat(calls.get()).isZero();
    try (Cotta unsure = cotta(Map.of("ap", 1.0, "augmentations", 3), counting)) {
      unsure.step(noisy);
    }
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void should_restore_every_parameter_to_the_source_when_rst_is_one() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(16);
    try (Cotta restored = cotta(Map.of("ap", 0.0, "rst", 1.0), Augmentation.identity());
        Cotta kept = cotta(Map.of("ap", 0.0, "rst", 0.0), Augmentation.identity())) {
      restored.step(noisy);
      kept.step(noisy);

      assertThat(restored.studentAffine()).isEqualTo(model.initialAffine());
      assertThat(kept.studentAffine()).isNotEqualTo(model.initialAffine());
      // The teacher moved before the restore, so it keeps 1/1000 of the student's step.
      assertThat(restored.teacherAffine()).isEqualTo(kept.teacherAffine());
    }
  }
}
