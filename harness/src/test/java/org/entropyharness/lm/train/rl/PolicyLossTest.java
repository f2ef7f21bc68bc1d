package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loss and its gradient with respect to the logits against PyTorch autograd (fixture made by
 * {@code make_policy_loss_fixture.py} beside it, verl's formulas), for every treatment.
 */
class PolicyLossTest {
  private static JsonNode fixture;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = PolicyLossTest.class.getResourceAsStream("/lm/train/rl/policy_loss_fixture.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
  }

  private record Outcome(double loss, double clipFraction, double k3, float[] grad, float[] entropyTerm) {}

  @Test
  void should_match_pytorch_loss_and_gradient_for_every_treatment() {
    for (JsonNode c : fixture.get("cases")) {
      Outcome got = run(treatment(c), c.path("kl").asDouble(), DataType.FLOAT32);
      String name = c.get("name").asText();
      assertThat(got.loss()).as(name + " loss").isCloseTo(c.get("loss").asDouble(), within(2e-6));
      assertThat(got.clipFraction()).as(name + " clip fraction").isCloseTo(c.get("clip_fraction").asDouble(), within(1e-6));
      assertThat(got.k3()).as(name + " k3").isCloseTo(c.get("k3").asDouble(), within(2e-6));
      double[] expected = doubles(c.get("grad"));
      assertThat(got.grad()).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) got.grad()[i]).as(name + " grad[" + i + "]").isCloseTo(expected[i], within(2e-6));
      }
    }
  }

  @Test
  void should_give_the_shannon_bonus_as_the_renyi_bonus_of_order_one() {
    Outcome shannon = run(new RlTreatment.ShannonBonus(0.05), 0, DataType.FLOAT64);
    for (double alpha : new double[] {1 - 1e-6, 1 + 1e-6}) {
      Outcome renyi = run(new RlTreatment.RenyiBonus(alpha, 0.05), 0, DataType.FLOAT64);
      assertThat(renyi.loss()).as("alpha %s", alpha).isCloseTo(shannon.loss(), within(1e-6));
      for (int i = 0; i < shannon.grad().length; i++) {
        assertThat(renyi.grad()[i]).as("grad[%d], alpha %s", i, alpha).isCloseTo(shannon.grad()[i], within(1e-6f));
      }
    }
    Outcome exact = run(new RlTreatment.RenyiBonus(1, 0.05), 0, DataType.FLOAT64);
    assertThat(exact.loss()).isEqualTo(shannon.loss());
  }

  private static RlTreatment treatment(JsonNode c) {
    return switch (c.get("treatment").asText()) {
      case "plain" -> new RlTreatment.Plain();
      case "shannon" -> new RlTreatment.ShannonBonus(c.get("beta").asDouble());
      case "renyi" -> new RlTreatment.RenyiBonus(c.get("alpha").asDouble(), c.get("beta").asDouble());
      case "kl-cov" -> new RlTreatment.KlCov(0.5, c.get("coef").asDouble());
      case "clip-cov" -> new RlTreatment.ClipCov(0.5, 1, 5);
      default -> throw new IllegalArgumentException(c.toString());
    };
  }

  private static Outcome run(RlTreatment treatment, double kl, DataType type) {
    JsonNode s = fixture.get("shape");
    Shape logitShape = new Shape(s.get(0).asLong(), s.get(1).asLong(), s.get(2).asLong());
    Shape tokenShape = new Shape(s.get(0).asLong(), s.get(1).asLong());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = array(manager, "logits", logitShape, type);
      logits.setRequiresGradient(true);
      NDArray targets = manager.create(ints(fixture.get("targets")), tokenShape);
      PolicyLoss.Inputs in = new PolicyLoss.Inputs(targets, array(manager, "mask", tokenShape, type),
          array(manager, "old", tokenShape, type), array(manager, "advantages", tokenShape, type),
          array(manager, "ref", tokenShape, type),
          treatment instanceof RlTreatment.KlCov ? array(manager, "kl_cov_selected", tokenShape, type) : null,
          treatment instanceof RlTreatment.ClipCov ? array(manager, "clip_cov_keep", tokenShape, type) : null);
      PolicyLoss loss = new PolicyLoss(treatment, fixture.get("clip_eps").asDouble(), kl);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logSoftmax = logits.logSoftmax(-1);
        PolicyLoss.Result result = loss.loss(logSoftmax, PolicyLoss.tokenLogProbs(logSoftmax, targets), in);
        collector.backward(result.loss());
        double value = result.loss().toType(DataType.FLOAT64, false).getDouble();
        return new Outcome(value, result.clipFraction(), result.klToReference(),
            logits.getGradient().toType(DataType.FLOAT32, false).toFloatArray(), null);
      }
    }
  }

  private static NDArray array(NDManager manager, String key, Shape shape, DataType type) {
    return manager.create(doubles(fixture.get(key)), shape).toType(type, false);
  }

  private static double[] doubles(JsonNode node) {
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  private static int[] ints(JsonNode node) {
    int[] out = new int[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asInt();
    }
    return out;
  }
}
