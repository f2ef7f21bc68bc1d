package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TtaMethodsTest {
  private static final TtaResources RESOURCES = new TtaResources(null, 1, "cpu");
  private static CifarResNet model;

  @BeforeAll
  static void load() {
    model = ModelFixtures.loadResnet20();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void should_register_the_seven_methods() {
    assertThat(TtaMethods.ids())
        .containsExactly("source", "bn-adapt", "tent", "renyi-tent", "eata", "sar", "deyo");
    assertThat(TtaMethods.defaults("tent")).containsEntry("lr", 1e-3).containsEntry("optimizer", "adam");
    assertThat(TtaMethods.defaults("eata")).containsEntry("d-margin", 0.4).containsEntry("fisher-samples", 2000);
  }

  @Test
  void should_reject_unknown_keys_listing_the_allowed_ones() {
    assertThatThrownBy(() -> TtaMethods.create("sar", Map.of("learning-rate", 0.1), model, RESOURCES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method 'sar': unknown parameter 'learning-rate'; allowed: beta1, beta2, e-margin, "
            + "ema-momentum, lr, momentum, optimizer, reset-threshold, rho");
  }

  @Test
  void should_reject_values_of_the_wrong_type() {
    assertThatThrownBy(() -> TtaMethods.create("tent", Map.of("lr", "fast"), model, RESOURCES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method 'tent': parameter 'lr' must be a number (default 0.001), found String fast");
    assertThatThrownBy(() -> TtaMethods.create("deyo", Map.of("patch-grid", 2.5), model, RESOURCES))
        .hasMessageContaining("parameter 'patch-grid' must be an integer");
  }

  @Test
  void should_reject_unknown_methods_and_eata_without_clean_images() {
    assertThatThrownBy(() -> TtaMethods.create("memo", Map.of(), model, RESOURCES))
        .hasMessage("unknown TTA method 'memo'; known: source, bn-adapt, tent, renyi-tent, eata, sar, deyo");
    assertThatThrownBy(() -> TtaMethods.create("eata", Map.of(), model, RESOURCES))
        .hasMessageContaining("needs clean images");
  }

  @Test
  void should_predict_with_running_statistics_for_source() {
    try (AdaptationMethod source = TtaMethods.create("source", Map.of(), model, RESOURCES)) {
      var batch = ModelFixtures.testImages(8);
      StepResult result = source.step(batch);

      assertThat(result.count()).isEqualTo(8);
      assertThat(result.backwardSamples()).isZero();
      assertThat(result.predictions()).containsExactly(batch.labels());
    }
  }
}
