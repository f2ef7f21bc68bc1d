package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.lm.embedded.WeightsFile;
import org.entropyharness.lm.train.DjlTransformer;
import org.junit.jupiter.api.Test;

class RolloutsTest {
  @Test
  void should_record_the_log_probs_libtorch_gives_the_same_tokens_and_align_them_with_the_targets() throws Exception {
    WeightsFile weights = WeightsFile.read(GrpoTrainerTest.SHIPPED);
    RlPlan plan = GrpoTrainerTest.plan(null, new RlTreatment.Plain(), 1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<RolloutSample> samples;
    try (EmbeddedModel model = EmbeddedModel.of(weights, "start", 16)) {
      samples = new Rollouts(plan).sample(model, 0, pool);
    } finally {
      pool.shutdown();
    }
    assertThat(samples).hasSize(16).extracting(RolloutSample::group)
        .containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    UpdateBatch batch = UpdateBatch.pack(samples, new double[16]);
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape shape = new Shape(batch.rows(), batch.length());
      NDArray logSoftmax = DjlTransformer.of(weights, manager).forward(manager.create(batch.inputs(), shape))
          .logSoftmax(-1);
      float[] libtorch = PolicyLoss.tokenLogProbs(logSoftmax, manager.create(batch.targets(), shape)).toFloatArray();
      int[] positions = batch.responsePositions();
      assertThat(positions).hasSize(samples.stream().mapToInt(s -> s.response().length).sum());
      for (int p : positions) {
        assertThat(libtorch[p]).as("position %d", p).isCloseTo(batch.oldLogProbs()[p], within(1e-4f));
      }
    }
  }

  @Test
  void should_take_prompt_levels_in_turn_and_fresh_indices_each_step() {
    RlPlan plan = new RlPlan(GrpoTrainerTest.SHIPPED, null, new RlTreatment.Plain(), 3, 5, 4, 2, List.of(2, 3), 1e-3,
        0.2, 0, 1, 1, false, 1, 1, WeightsFile.Precision.FLOAT16);
    assertThat(new Rollouts(plan).prompts(1)).extracting(p -> p.id())
        .containsExactly("arith/L2/4", "arith/L3/5", "arith/L2/6", "arith/L3/7");
  }

  @Test
  void should_pack_prompt_and_response_shifted_by_one_with_the_mask_on_the_response() {
    int eos = CharTokenizer.EOS;
    RolloutSample s = new RolloutSample(0, new int[] {1, 10, 11}, new int[] {12, eos}, new float[] {-0.5f, -0.25f},
        new float[] {0.1f, 0.2f}, true);
    RolloutSample t = new RolloutSample(0, new int[] {1, 10, 11}, new int[] {13}, new float[] {-2f}, new float[] {0}, false);
    UpdateBatch b = UpdateBatch.pack(List.of(s, t), new double[] {0.7, -0.7});
    assertThat(b.length()).isEqualTo(4);
    assertThat(b.inputs()).containsExactly(1, 10, 11, 12, 1, 10, 11, 0);
    assertThat(b.targets()).containsExactly(10, 11, 12, eos, 10, 11, 13, 0);
    assertThat(b.mask()).containsExactly(0, 0, 1, 1, 0, 0, 1, 0);
    assertThat(b.oldLogProbs()).containsExactly(0, 0, -0.5f, -0.25f, 0, 0, -2f, 0);
    assertThat(b.advantages()).containsExactly(0, 0, 0.7f, 0.7f, 0, 0, -0.7f, 0);
    assertThat(b.responsePositions()).containsExactly(2, 3, 6);
  }
}
