package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.Test;

class TtaMethodsTest {
  private static final TtaResources RESOURCES = new TtaResources(null, 1, "cpu");
  private static final CifarResNet model = ModelFixtures.sharedResnet20();

  @Test
  void should_register_the_twelve_methods() {
    assertThat(TtaMethods.ids()).containsExactly("source", "bn-adapt", "tent", "renyi-tent", "eata", "sar", "deyo",
        "eta", "lame", "ostta", "rotta", "cotta");
    assertThat(TtaMethods.defaults("tent")).containsEntry("lr", 1e-3).containsEntry("optimizer", "adam");
    assertThat(TtaMethods.defaults("eata")).containsEntry("d-margin", 0.4).containsEntry("fisher-samples", 2000);
  }

  @Test
  void should_reject_unknown_keys_listing_the_allowed_ones() {
    assertThatThrownBy(() -> TtaMethods.create("sar", Map.of("learning-rate", 0.1), model, RESOURCES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method 'sar': unknown parameter 'learning-rate'; allowed: beta1, beta2, config, e-margin, "
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
        .hasMessage("unknown TTA method 'memo'; known: source, bn-adapt, tent, renyi-tent, eata, sar, deyo, eta, "
            + "lame, ostta, rotta, cotta");
    assertThatThrownBy(() -> TtaMethods.create("eata", Map.of(), model, RESOURCES))
        .hasMessageContaining("needs clean images");
  }

  @Test
  void should_select_the_benchmark_configuration_per_method() {
    // mariodoebler/test-time-adaptation, cfgs/cifar10_c/{eata,deyo,sar}.yaml: OPTIM.METHOD Adam, LR 1e-3; SAR's
    // SAM wraps SGD (methods/sar.py setup_optimizer); EATA's Fisher loader uses TEST.BATCH_SIZE 200.
    assertThat(TtaMethods.checkParams("eata", Map.of("config", "benchmark")))
        .containsEntry("optimizer", "adam").containsEntry("lr", 1e-3).containsEntry("fisher-batch", 200)
        .containsEntry("fisher-alpha", 1.0).containsEntry("d-margin", 0.4).containsEntry("config", "benchmark");
    assertThat(TtaMethods.checkParams("deyo", Map.of("config", "benchmark")))
        .containsEntry("optimizer", "adam").containsEntry("lr", 1e-3).containsEntry("plpd-threshold", 0.2);
    assertThat(TtaMethods.checkParams("sar", Map.of("config", "benchmark")))
        .containsEntry("optimizer", "sgd").containsEntry("lr", 1e-3).containsEntry("momentum", 0.9);
    assertThat(TtaMethods.checkParams("eata", Map.of()))
        .containsEntry("optimizer", "sgd").containsEntry("lr", 0.005).containsEntry("config", "paper");
    assertThat(TtaMethods.checkParams("deyo", Map.of("config", "benchmark", "lr", 5e-4))).containsEntry("lr", 5e-4);
  }

  @Test
  void should_reject_an_unknown_configuration_and_a_fisher_term_for_eta() {
    assertThatThrownBy(() -> TtaMethods.checkParams("tent", Map.of("config", "robustbench")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method 'tent': parameter 'config' must be one of paper, benchmark, found 'robustbench'");
    assertThatThrownBy(() -> TtaMethods.checkParams("eta", Map.of("fisher-alpha", 1.0)))
        .hasMessage("method 'eta': parameter 'fisher-alpha' must be 0 (ETA is EATA without the Fisher "
            + "regulariser); use method 'eata' for a Fisher term");
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
