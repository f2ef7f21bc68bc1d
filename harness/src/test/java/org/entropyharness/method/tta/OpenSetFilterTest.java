package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.Test;

class OpenSetFilterTest {
  private static final CifarResNet model = ModelFixtures.sharedResnet20();

  /**
   * Reference: benchmarks/python/tta_more_reference.py after the authors' ostta.py (criterion 'ent'), two steps on
   * noisy test images 0..15 and 16..31. At the first step the adapted model is the source model, so every sample
   * is kept; at the second 6 of 16. Leaving out the filter moves the affine vector by 1.7e-3, the diversity term by
   * 4.0e-3, both far above the tolerance of 1e-4. Measured difference to PyTorch: 2.4e-5 (affine), from the
   * channels-last BatchNorm backward summing in another order than PyTorch's NCHW kernel (as in EataTest), and 1.2e-4
   * in logits up to ~15 (tolerance 5e-4).
   */
  @Test
  void should_match_two_pytorch_steps() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(48);
    try (AdaptationMethod method = TtaMethods.create("ostta", Map.of(), model, null)) {
      int first = method.step(noisy.slice(0, 16)).backwardSamples();
      int second = method.step(noisy.slice(16, 32)).backwardSamples();

      assertThat(new int[] {first, second}).isEqualTo(MoreReference.ints("ostta-counts"));
      float[] affine = ((OpenSetFilter) method).currentAffine();
      ReferenceSteps.assertClose("affine", affine, MoreReference.rows("ostta-affine"), 1e-4);
      ReferenceSteps.assertClose("logits", ReferenceSteps.logits(model, affine, noisy.slice(32, 48)),
          MoreReference.rows("ostta-logits"), 5e-4);
    }
  }

  @Test
  void should_keep_a_sample_only_when_the_source_class_did_not_lose_probability() {
    // Two samples, three classes; the source model predicts class 0 for both (0.5 and 0.6).
    float[] source = {0.5f, 0.3f, 0.2f, 0.6f, 0.2f, 0.2f};
    float[] adapted = {0.55f, 0.25f, 0.2f, 0.1f, 0.8f, 0.1f};

    assertThat(OpenSetFilter.kept(source, adapted, 3)).containsExactly(true, false);
  }
}
