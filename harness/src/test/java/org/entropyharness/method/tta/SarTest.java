package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarTest {
  private static final CifarResNet model = ModelFixtures.sharedResnet20();
  private static ImageBatch images;

  @BeforeAll
  static void load() {
    images = ModelFixtures.testImages(16);
  }

  private static Sar sar(Map<String, Object> params) {
    return (Sar) TtaMethods.create("sar", params, model, new TtaResources(null, 1, "cpu"));
  }

  /**
   * Reference: benchmarks/python/tta_step_reference.py, SAR after the authors' code (SAM's ascent to θ + ρg/‖g‖,
   * the gradient there applied at θ by SGD), one step on noisy test images 0..15 (4 above E0), no recovery.
   * Measured differences to PyTorch: 3e-8 (affine), 5e-6 (logits up to ~15), float32 noise of two libtorch
   * builds. The step moves the affine vector by up to 2.6e-4; leaving out the ascent changes it by 1.4e-4, 140
   * times the affine tolerance of 1e-6.
   */
  @Test
  void should_match_a_pytorch_sar_step() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(32);
    try (Sar method = sar(Map.of("reset-threshold", 0.0))) {
      StepResult result = method.step(noisy.slice(0, 16));

      assertThat(result.backwardSamples()).isEqualTo(ReferenceSteps.ints("sar-counts")[0]);
      assertThat(method.ema()).isCloseTo(ReferenceSteps.row("sar-ema")[0], within(1e-6));
      ReferenceSteps.assertClose("affine", method.currentAffine(),
          new double[][] {ReferenceSteps.row("sar-affine")}, 1e-6);
      ReferenceSteps.assertClose("logits", ReferenceSteps.logits(model, method.currentAffine(),
          noisy.slice(16, 32)), ReferenceSteps.rows("sar-logits"), 1e-4);
    }
  }

  /**
   * Reference: as above, two steps with a threshold between the two batches' losses: the first step recovers, the
   * second does not, so its result shows that recovery restarted the momentum and the loss average (the paper's
   * recovery and the intent of the authors' reset(); their code keeps both, which here would recover again and
   * end 4.5e-4 away). Measured difference to PyTorch: 6e-8.
   */
  @Test
  void should_match_pytorch_sar_after_a_recovery() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(48);
    int[] starts = ReferenceSteps.ints("sar-recovery-starts");
    double threshold = ReferenceSteps.row("sar-recovery-threshold")[0];
    try (Sar method = sar(Map.of("reset-threshold", threshold))) {
      int[] resets = new int[2];
      for (int i = 0; i < 2; i++) {
        resets[i] = method.step(noisy.slice(starts[i], starts[i] + 16)).resets();
      }

      assertThat(resets).containsExactly(ReferenceSteps.ints("sar-recovery-resets"));
      assertThat(method.ema()).isCloseTo(ReferenceSteps.row("sar-recovery-ema")[0], within(1e-6));
      ReferenceSteps.assertClose("affine", method.currentAffine(),
          new double[][] {ReferenceSteps.row("sar-recovery-affine")}, 1e-6);
    }
  }

  @Test
  void should_reset_to_initial_weights_when_the_loss_average_falls_below_the_threshold() {
    try (Sar method = sar(Map.of("reset-threshold", 100.0))) {
      StepResult result = method.step(images);

      assertThat(result.resets()).isEqualTo(1);
      assertThat(method.currentAffine()).containsExactly(method.initialAffine());
      assertThat(method.ema()).isNull();
    }
  }

  @Test
  void should_update_and_track_the_loss_average_above_the_threshold() {
    try (Sar method = sar(Map.of("reset-threshold", 0.0))) {
      StepResult result = method.step(images);

      assertThat(result.resets()).isZero();
      assertThat(result.backwardSamples()).isBetween(1, 16);
      assertThat(method.ema()).isPositive().isLessThan(0.4 * Math.log(10));
      assertThat(method.currentAffine()).isNotEqualTo(method.initialAffine());
    }
  }
}
