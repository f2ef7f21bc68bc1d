package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedModelTest {
  private static final String HARD = "(33+70*6-4+74)/8";
  private static final Decoding WARM = new Decoding(0.8, 1, 0, 0, null, 128);
  private static EmbeddedModel model;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    model = EmbeddedModel.loadShipped(JavaTransformerTest.DATASETS);
  }

  private static List<Trace> generate(EmbeddedModel m, String prompt, Decoding decoding, int n, long seed) {
    return m.generate(new GenerationRequest("p", prompt, decoding, n, seed));
  }

  private static void assertSameTraces(List<Trace> a, List<Trace> b) {
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).text()).isEqualTo(b.get(i).text());
      assertThat(a.get(i).tokenEntropies()).containsExactly(b.get(i).tokenEntropies());
      assertThat(a.get(i).tokenLogprobs()).containsExactly(b.get(i).tokenLogprobs());
    }
  }

  @Test
  void should_give_the_same_traces_for_the_same_seed_and_others_for_another() {
    List<Trace> first = generate(model, HARD, WARM, 8, 42);
    assertSameTraces(first, generate(model, HARD, WARM, 8, 42));
    assertThat(generate(model, HARD, WARM, 8, 43).stream().map(Trace::text).toList())
        .isNotEqualTo(first.stream().map(Trace::text).toList());
  }

  @Test
  void should_decode_greedy_the_same_as_temperature_zero() {
    Decoding zero = new Decoding(0, 0.5, 3, 0.2, null, 128);
    assertSameTraces(generate(model, HARD, Decoding.greedy(128), 2, 1), generate(model, HARD, zero, 2, 99));
  }

  @Test
  void should_give_trace_i_the_same_text_whatever_the_batch_size() throws Exception {
    Path weights = JavaTransformerTest.DATASETS.resolve(EmbeddedModel.SHIPPED_WEIGHTS);
    try (EmbeddedModel single = EmbeddedModel.loadUnverified(weights, 1)) {
      assertSameTraces(generate(single, HARD, WARM, 5, 7), generate(model, HARD, WARM, 5, 7));
    }
  }

  @Test
  void should_record_exact_statistics_for_every_generated_token_and_stop_after_the_box() {
    for (Trace t : generate(model, "3+4", WARM, 4, 5)) {
      assertThat(t.provenance()).isEqualTo(EntropyProvenance.EXACT);
      assertThat(t.promptTokens()).isEqualTo(5);
      assertThat(t.tokenEntropies()).hasSize(t.completionTokens());
      assertThat(t.tokenConfidences()).hasSize(t.completionTokens());
      assertThat(t.tokenLogprobs()).hasSize(t.completionTokens());
      for (int i = 0; i < t.completionTokens(); i++) {
        assertThat(t.tokenEntropies()[i]).isBetween(0f, (float) Math.log(31) + 1e-4f);
        assertThat(t.tokenLogprobs()[i]).isLessThanOrEqualTo(0f);
        assertThat(t.tokenConfidences()[i]).isGreaterThan(0f);
      }
      if (t.finishReason().equals("stop") && t.text().contains("\\boxed{")) {
        assertThat(t.text()).endsWith("}");
      }
    }
    assertThat(generate(model, "3+4", Decoding.greedy(64), 1, 0).get(0).text()).isEqualTo("=7\n\\boxed{7}");
  }

  /**
   * Reference: benchmarks/python/embedded_reference.py, the same weights run by PyTorch's functional layers, greedy
   * (its output is in src/test/resources/lm/embedded/greedy-reference.txt). The text must be PyTorch's up to where
   * the box closes; per token, the entropy, logprob and top-20 confidence of the model's distribution agree within
   * 1e-4 (float32 forward passes of two implementations; the entropies run up to 2.4 nats, the confidences to 23).
   */
  @Test
  void should_decode_greedily_as_pytorch_does_with_its_token_statistics() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/lm/embedded/greedy-reference.txt"));
    String[][] expected = {
        {"3+4", "=7\n\\boxed{7}"},
        {HARD, "=(33+300-4+74)/8\n=(337-4+74)/8\n=(337+74)/8\n=437/8\n\\boxed{437/8}"}};
    for (int p = 0; p < expected.length; p++) {
      int at = 1 + 4 * p;
      assertThat(lines.get(at)).isEqualTo("prompt " + repr(expected[p][0]) + " greedy " + repr(expected[p][1]));
      Trace t = generate(model, expected[p][0], Decoding.greedy(96), 1, 0).get(0);

      assertThat(t.text()).isEqualTo(expected[p][1]);
      assertClose(t.tokenEntropies(), lines.get(at + 1), "entropies");
      assertClose(t.tokenLogprobs(), lines.get(at + 2), "logprobs");
      assertClose(t.tokenConfidences(), lines.get(at + 3), "confidences");
    }
  }

  /** Python's repr of a string without quotes or other escapes in it. */
  private static String repr(String text) {
    return "'" + text.replace("\\", "\\\\").replace("\n", "\\n") + "'";
  }

  private static void assertClose(float[] actual, String line, String tag) {
    assertThat(line).startsWith(tag + " ");
    String[] values = line.substring(tag.length() + 1).split(" ");
    assertThat(values.length).as(tag).isGreaterThanOrEqualTo(actual.length);
    for (int i = 0; i < actual.length; i++) {
      assertThat((double) actual[i]).as("%s of token %d", tag, i)
          .isCloseTo(Double.parseDouble(values[i]), org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void should_stop_at_the_token_limit() {
    Trace t = generate(model, HARD, new Decoding(0.8, 1, 0, 0, null, 3), 1, 1).get(0);
    assertThat(t.completionTokens()).isEqualTo(3);
    assertThat(t.finishReason()).isEqualTo("length");
  }

  @Test
  void should_fingerprint_the_model_by_the_sha256_of_its_weights() throws Exception {
    // coreutils sha256sum of datasets/models/arith-tiny.bin, the value in datasets/MANIFEST.tsv
    assertThat(model.info().fingerprint())
        .isEqualTo("b48defdec5ce19efbe7eeb8d7ebd7fa840c8f0d45937be6325ef169c4c21819f");
    assertThat(model.info().provenance().exact()).isTrue();
  }

  @Test
  void should_refuse_weights_whose_sha256_differs_from_the_manifest() throws Exception {
    Path datasets = Files.createDirectories(dir.resolve("datasets/models"));
    Path weights = datasets.resolve("arith-tiny.bin");
    Files.copy(JavaTransformerTest.DATASETS.resolve(EmbeddedModel.SHIPPED_WEIGHTS), weights);
    Path manifest = dir.resolve("datasets/MANIFEST.tsv");
    Files.writeString(manifest, "# path\tsha256\n" + "models/arith-tiny.bin\t" + "0".repeat(64) + "\tx\ty\n");
    assertThatThrownBy(() -> EmbeddedModel.load(weights, manifest, 16))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(manifest + ":2:23: sha256 of " + weights + " is ")
        .hasMessageEndingWith("but the manifest says " + "0".repeat(64)
            + "; restore the committed weights or update the manifest line after retraining");
  }
}
