package org.entropyharness.method.tta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.model.CifarInput;
import org.entropyharness.model.CifarResNet;
import org.entropyharness.model.ModelFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntropyMinimizationTest {
  private static final TtaResources RESOURCES = new TtaResources(null, 1, "cpu");
  private static final CifarResNet model = ModelFixtures.sharedResnet20();
  private static ImageBatch images;

  @BeforeAll
  static void load() {
    images = ModelFixtures.testImages(32);
  }

  private static AdaptationMethod create(String id, Map<String, Object> params) {
    return TtaMethods.create(id, params, model, RESOURCES);
  }

  @Test
  void should_equal_bn_adapt_when_the_learning_rate_is_zero() {
    try (var tent = create("tent", Map.of("lr", 0.0)); var bn = create("bn-adapt", Map.of())) {
      for (int from = 0; from < 32; from += 16) {
        ImageBatch batch = images.slice(from, from + 16);
        assertThat(tent.step(batch).probabilities()).containsExactly(bn.step(batch).probabilities());
      }
    }
  }

  /** Reference: benchmarks/python/tta_reference.py fixture — PyTorch Tent, one Adam step on images 0..15. */
  @Test
  void should_match_pytorch_tent_after_one_step() throws IOException {
    try (var tent = (GradientMethod) create("tent", Map.of()); NDManager manager = model.newStepManager()) {
      tent.step(images.slice(0, 16));

      float[] logits = model.forward(CifarInput.toArray(manager, images.slice(16, 32)),
          manager.create(tent.currentAffine()), true).toFloatArray();

      float[][] expected = reference("tent-after-step");
      for (int i = 0; i < 16; i++) {
        for (int c = 0; c < 10; c++) {
          assertThat(logits[i * 10 + c]).as("image %d class %d", i, c).isCloseTo(expected[i][c], within(1e-3f));
        }
      }
    }
  }

  @Test
  void should_change_only_batch_norm_affine_parameters() {
    try (var tent = (GradientMethod) create("tent", Map.of()); NDManager manager = model.newStepManager()) {
      float[] before = model.forwardEval(CifarInput.toArray(manager, images.slice(0, 8))).toFloatArray();

      StepResult result = tent.step(images.slice(0, 16));

      assertThat(result.backwardSamples()).isEqualTo(16);
      assertThat(tent.currentAffine()).isNotEqualTo(tent.initialAffine());
      assertThat(model.initialAffine()).containsExactly(tent.initialAffine());
      float[] after = model.forwardEval(CifarInput.toArray(manager, images.slice(0, 8))).toFloatArray();
      assertThat(after).containsExactly(before);
    }
  }

  @Test
  void should_restore_initial_weights_and_optimizer_state_on_reset() {
    try (var tent = (GradientMethod) create("tent", Map.of())) {
      float[] first = tent.step(images.slice(0, 16)).probabilities();
      float[] second = tent.step(images.slice(16, 32)).probabilities();
      float[] afterTwo = tent.currentAffine();

      tent.reset();

      assertThat(tent.currentAffine()).containsExactly(tent.initialAffine());
      assertThat(tent.step(images.slice(0, 16)).probabilities()).containsExactly(first);
      assertThat(tent.step(images.slice(16, 32)).probabilities()).containsExactly(second);
      assertThat(tent.currentAffine()).containsExactly(afterTwo);
    }
  }

  @Test
  void should_approach_shannon_tent_as_renyi_order_approaches_one() {
    try (var tent = (GradientMethod) create("tent", Map.of());
        var renyiOne = (GradientMethod) create("renyi-tent", Map.of("alpha", 1.0));
        var renyiNear = (GradientMethod) create("renyi-tent", Map.of("alpha", 1.0001, "optimizer", "sgd"));
        var sgdTent = (GradientMethod) create("tent", Map.of("optimizer", "sgd"))) {
      ImageBatch batch = images.slice(0, 16);
      tent.step(batch);
      renyiOne.step(batch);
      renyiNear.step(batch);
      sgdTent.step(batch);

      assertThat(renyiOne.currentAffine()).containsExactly(tent.currentAffine());
      float[] near = renyiNear.currentAffine();
      float[] shannon = sgdTent.currentAffine();
      for (int i = 0; i < near.length; i++) {
        assertThat(near[i]).as("affine %d", i).isCloseTo(shannon[i], within(1e-6f));
      }
    }
  }

  @Test
  void should_count_non_finite_logits_and_skip_their_update() {
    try (var tent = (GradientMethod) create("tent", Map.of("optimizer", "sgd", "lr", 1e300, "momentum", 0.0))) {
      tent.step(images.slice(0, 16));
      float[] blownUp = tent.currentAffine();

      StepResult result = tent.step(images.slice(16, 32));

      assertThat(result.nonFinite()).isEqualTo(1);
      assertThat(tent.currentAffine()).containsExactly(blownUp);
    }
  }

  static float[][] reference(String tag) throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/model/resnet20-reference-logits.txt")).stream()
        .filter(l -> l.startsWith(tag + " "))
        .map(l -> l.substring(tag.length() + 1).trim().split(" "))
        .map(parts -> {
          float[] row = new float[parts.length];
          for (int i = 0; i < parts.length; i++) {
            row[i] = Float.parseFloat(parts[i]);
          }
          return row;
        })
        .toArray(float[][]::new);
  }
}
