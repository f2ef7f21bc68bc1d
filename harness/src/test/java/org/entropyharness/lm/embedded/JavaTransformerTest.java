package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void should_give_the_same_logits_with_the_kv_cache_as_by_full_recomputation() {
    float[][] full = transformer.fullLogits(sequence);
    KvCache cache = new KvCache(transformer.config());
    int vocabulary = transformer.config().vocabularySize();
    float[] logits = new float[vocabulary];
    for (int t = 0; t < sequence.length; t++) {
      transformer.step(new int[] {sequence[t]}, new KvCache[] {cache}, 1, logits);
      for (int v = 0; v < vocabulary; v++) {
        assertThat(logits[v]).as("position %d token %d", t, v).isCloseTo(full[t][v], within(1e-4f));
      }
    }
  }

  @Test
  void should_give_each_row_of_a_batch_the_logits_it_gets_alone() {
    int vocabulary = transformer.config().vocabularySize();
    KvCache[] caches = {new KvCache(transformer.config()), new KvCache(transformer.config())};
    KvCache alone = new KvCache(transformer.config());
    float[] batched = new float[2 * vocabulary];
    float[] single = new float[vocabulary];
    for (int t = 0; t < sequence.length; t++) {
      transformer.step(new int[] {sequence[t], CharTokenizer.BOS}, caches, 2, batched);
      transformer.step(new int[] {sequence[t]}, new KvCache[] {alone}, 1, single);
      for (int v = 0; v < vocabulary; v++) {
        assertThat(batched[v]).isEqualTo(single[v]);
      }
    }
  }
}
