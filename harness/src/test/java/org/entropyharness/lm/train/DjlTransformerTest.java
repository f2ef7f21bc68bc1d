package org.entropyharness.lm.train;

import java.nio.file.Path;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.lm.embedded.JavaTransformer;
import org.entropyharness.lm.embedded.WeightsFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.entropyharness.data.math.ArithmeticProblems;
import org.junit.jupiter.api.Test;

class DjlTransformerTest {

  @Test
  void should_compute_the_same_logits_on_libtorch_as_the_java_forward_pass() throws Exception {
    WeightsFile weights = WeightsFile.read(Path.of(System.getProperty("harness.root", ".."), "datasets").resolve(EmbeddedModel.SHIPPED_WEIGHTS));
    ArithmeticProblems.Example e = new ArithmeticProblems(98).example(4, 1);
    CharTokenizer tokenizer = new CharTokenizer();
    int[] tokens = tokenizer.encode(e.problem().question() + "\n" + e.solution());
    float[][] java = new JavaTransformer(weights).fullLogits(tokens);
    try (NDManager manager = NDManager.newBaseManager()) {
      DjlTransformer djl = DjlTransformer.of(weights, manager);
      NDArray logits = djl.forward(manager.create(tokens, new Shape(1, tokens.length)));
      float[] flat = logits.toFloatArray();
      int vocabulary = weights.config().vocabularySize();
      for (int t = 0; t < tokens.length; t++) {
        for (int v = 0; v < vocabulary; v++) {
          assertThat(flat[t * vocabulary + v]).isCloseTo(java[t][v], within(1e-4f));
        }
      }
    }
  }
}
