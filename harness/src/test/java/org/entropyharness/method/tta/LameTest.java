package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.Test;

class LameTest {
  private static final CifarResNet model = ModelFixtures.sharedResnet20();

  /**
   * Reference: benchmarks/python/tta_more_reference.py after the benchmark's lame.py, on noisy test images 0..31
   * with 5 neighbours: 22 iterations each; the adjustment changes the arg-max of 4 (kNN) and 9 (RBF) of 32 images
   * and moves probabilities by up to 0.65 and 0.99, so a tolerance of 1e-4 separates a right solution from a wrong
   * one.
   */
  @Test
  void should_match_pytorch_laplacian_adjustment_for_both_affinities() {
    ImageBatch noisy = ReferenceSteps.noisyTestImages(32);
    for (String affinity : new String[] {"knn", "rbf"}) {
      try (AdaptationMethod lame = TtaMethods.create("lame", Map.of("affinity", affinity), model, null)) {
        StepResult result = lame.step(noisy);

        ReferenceSteps.assertClose("lame-" + affinity, result.probabilities(),
            MoreReference.rows("lame-" + affinity), 1e-4);
        assertThat(result.backwardSamples()).isZero();
      }
    }
  }

  @Test
  void should_link_each_point_to_its_k_nearest_others() {
    // Four points on a line at 0, 1, 3, 7: the single nearest other point of each is 1, 0, 1, 3 (by index).
    double[][] x = {{0}, {1}, {3}, {7}};
    double[][] w = LaplacianAdjustment.affinity("knn", x, 1);

    assertThat(w).isEqualTo(new double[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
  }
}
