package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.Test;

class DeyoTest {

  @Test
  void should_move_patches_by_a_known_permutation() {
    int side = 4;
    float[] image = new float[side * side];
    for (int i = 0; i < image.length; i++) {
      image[i] = i;
    }
    // 2×2 grid of 2×2 patches; reverse the patch order.
    float[] out = PatchShuffle.apply(image, 1, side, 2, new int[][] {{3, 2, 1, 0}});

    assertThat(out).containsExactly(10, 11, 8, 9, 14, 15, 12, 13, 2, 3, 0, 1, 6, 7, 4, 5);
  }

  @Test
  void should_move_whole_pixels_of_channels_last_images() {
    int side = 2;
    // One 2×2 image with 3 channels, NHWC: pixel p holds (10p, 10p + 1, 10p + 2).
    float[] image = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};
    // 2×2 grid of 1×1 patches; patch k takes pixel perm[k].
    float[] out = PatchShuffle.apply(image, 3, side, 2, new int[][] {{2, 0, 3, 1}});

    assertThat(out).containsExactly(20, 21, 22, 0, 1, 2, 30, 31, 32, 10, 11, 12);
  }

  @Test
  void should_draw_a_permutation_per_image() {
    int[][] perms = PatchShuffle.randomPermutations(new Random(3), 5, 4);

    for (int[] perm : perms) {
      assertThat(perm).hasSize(16).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 16).toArray());
    }
  }

  @Test
  void should_measure_plpd_on_the_pseudo_label_of_the_original_image() {
    float[] probabilities = new float[20];
    probabilities[3] = 0.8f;
    probabilities[4] = 0.2f;
    probabilities[10 + 7] = 0.6f;
    probabilities[10 + 1] = 0.4f;
    float[] shuffled = new float[20];
    shuffled[3] = 0.1f;
    shuffled[10 + 7] = 0.55f;

    float[] plpd = Deyo.plpd(probabilities, shuffled, new int[] {0, 1}, 10);

    assertThat(plpd[0]).isCloseTo(0.7f, within(1e-6f));
    assertThat(plpd[1]).isCloseTo(0.05f, within(1e-6f));
  }

  /**
   * Reference: benchmarks/python/tta_step_reference.py, DeYO after the authors' code (patch shuffle, PLPD filter,
   * exp(E0 − H) + exp(PLPD) weights), one step on noisy test images 0..15 with the permutations PyTorch drew: 1
   * image above the entropy margin, 2 of the other 15 below the PLPD threshold. Measured differences to PyTorch:
   * 7e-9 (affine), 4e-6 (logits up to ~15). The step moves the affine vector by up to 1.8e-4; without the PLPD
   * filter it ends 2.3e-5 away, without the PLPD weight 1.1e-4, 23 and 110 times the affine tolerance of 1e-6.
   */
  @Test
  void should_match_a_pytorch_deyo_step() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(32);
    int[][] drawn = java.util.Arrays.stream(ReferenceSteps.rows("deyo-permutation"))
        .map(row -> java.util.Arrays.stream(row).mapToInt(v -> (int) v).toArray()).toArray(int[][]::new);
    try (CifarResNet model = ModelFixtures.loadResnet20();
        Deyo deyo = new Deyo(model, MethodParams.merge("deyo", TtaMethods.defaults("deyo"), Map.of()),
            given(drawn))) {
      StepResult result = deyo.step(noisy.slice(0, 16));

      assertThat(result.backwardSamples()).isEqualTo(ReferenceSteps.ints("deyo-counts")[1]);
      ReferenceSteps.assertClose("affine", deyo.currentAffine(),
          new double[][] {ReferenceSteps.row("deyo-affine")}, 1e-6);
      ReferenceSteps.assertClose("logits", ReferenceSteps.logits(model, deyo.currentAffine(), noisy.slice(16, 32)),
          ReferenceSteps.rows("deyo-logits"), 1e-4);
    }
  }

  /** The given permutations, once, for exactly as many images. */
  private static PatchPermutations given(int[][] permutations) {
    return new PatchPermutations() {
      @Override
      public int[][] next(int images, int grid) {
        assertThat(images).as("confident images").isEqualTo(permutations.length);
        assertThat(grid).isEqualTo(4);
        return permutations;
      }

      @Override
      public void restart() {}
    };
  }

  @Test
  void should_select_only_shape_dependent_confident_samples_and_reset_its_random_stream() {
    try (CifarResNet model = ModelFixtures.loadResnet20();
        var deyo = (Deyo) TtaMethods.create("deyo", Map.of(), model, new TtaResources(null, 7, "cpu"))) {
      var batch = ModelFixtures.testImages(16);
      StepResult first = deyo.step(batch);
      float[] adapted = deyo.currentAffine();

      deyo.reset();
      StepResult again = deyo.step(batch);

      assertThat(first.backwardSamples()).isBetween(1, 15);
      assertThat(again.backwardSamples()).isEqualTo(first.backwardSamples());
      assertThat(deyo.currentAffine()).containsExactly(adapted);
    }
  }
}
