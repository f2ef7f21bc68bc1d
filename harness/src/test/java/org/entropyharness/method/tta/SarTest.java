package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarTest {
  private static CifarResNet model;
  private static ImageBatch images;

  @BeforeAll
  static void load() {
    model = ModelFixtures.loadResnet20();
    images = ModelFixtures.testImages(16);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static Sar sar(Map<String, Object> params) {
    return (Sar) TtaMethods.create("sar", params, model, new TtaResources(null, 1, "cpu"));
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
