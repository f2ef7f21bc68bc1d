package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyharness.data.math.ArithmeticProblems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaTransformerTest {
  static final Path DATASETS = Path.of(System.getProperty("harness.root", ".."), "datasets");
  private static JavaTransformer transformer;
  private static int[] sequence;

  @BeforeAll
  static void load() throws Exception {
    transformer = EmbeddedModel.loadShipped(DATASETS).transformer();
    ArithmeticProblems.Example e = new ArithmeticProblems(99).example(5, 3);
    CharTokenizer tokenizer = new CharTokenizer();
    int[] prompt = tokenizer.encodePrompt(e.problem().question());
    int[] solution = tokenizer.encode(e.solution());
    sequence = new int[prompt.length + solution.length];
    System.arraycopy(prompt, 0, sequence, 0, prompt.length);
    System.arraycopy(solution, 0, sequence, prompt.length, solution.length);
  }

  @Test
  void should_give_the_same_logits_position_by_position_as_for_the_whole_sequence_at_once() {
    float[][] full = transformer.fullLogits(sequence);
    KvCache cache = new KvCache(transformer.config());
    int vocabulary = transformer.config().vocabularySize();
    float[] logits = new float[vocabulary];
    for (int t = 0; t < sequence.length; t++) {
      transformer.step(new int[] {sequence[t]}, new KvCache[] {cache}, 1, logits);
      assertThat(bits(logits)).as("position %d", t).containsExactly(bits(full[t]));
    }
  }

  @Test
  void should_give_each_row_of_a_batch_the_logits_it_gets_alone() {
    int vocabulary = transformer.config().vocabularySize();
    int rows = 9;
    KvCache[] caches = new KvCache[rows];
    for (int b = 0; b < rows; b++) {
      caches[b] = new KvCache(transformer.config());
    }
    KvCache[] alone = {new KvCache(transformer.config()), new KvCache(transformer.config())};
    float[] batched = new float[rows * vocabulary];
    float[] single = new float[vocabulary];
    for (int t = 0; t < sequence.length; t++) {
      int[] tokens = new int[rows];
      for (int b = 0; b < rows; b++) {
        tokens[b] = sequence[(t + 5 * b) % sequence.length];
      }
      transformer.step(tokens, caches, rows, batched);
      for (int b : new int[] {0, rows - 1}) {
        KvCache cache = alone[b == 0 ? 0 : 1];
        transformer.step(new int[] {tokens[b]}, new KvCache[] {cache}, 1, single);
        float[] row = java.util.Arrays.copyOfRange(batched, b * vocabulary, (b + 1) * vocabulary);
        assertThat(bits(row)).as("position %d row %d", t, b).containsExactly(bits(single));
      }
    }
  }

  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
