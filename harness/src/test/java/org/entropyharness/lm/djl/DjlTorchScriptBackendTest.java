package org.entropyharness.lm.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.EntropyProvenance;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the committed TorchScript fixture (see make_tiny_adder.py) against PyTorch's own golden decodes. */
class DjlTorchScriptBackendTest {
  private static Path dir;
  private static DjlTorchScriptBackend backend;

  @TempDir Path tmp;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    dir = Path.of(DjlTorchScriptBackendTest.class.getResource("/lm/djl/tiny_adder.pt").toURI()).getParent();
    backend = new DjlTorchScriptBackend(config(dir.resolve("tiny_adder_vocab.json")));
  }

  private static DjlTorchScriptConfig config(Path vocab) {
    return new DjlTorchScriptConfig("tiny-adder", dir.resolve("tiny_adder.pt"), vocab, "<eos>", 5);
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @Test
  void should_reproduce_pytorch_greedy_decodes_with_exact_entropies() throws IOException {
    JsonNode golden = new ObjectMapper().readTree(dir.resolve("tiny_adder_golden.json").toFile()).get("golden");
    for (JsonNode g : golden) {
      Trace t = backend.generate(new GenerationRequest("g", g.get("prompt").asText(), Decoding.greedy(6), 1, 0)).get(0);
      assertThat(t.text()).as(g.get("prompt").asText()).isEqualTo(g.get("text").asText());
      assertThat(t.completionTokens()).isEqualTo(g.get("tokens").asInt());
      assertThat(t.finishReason()).isEqualTo(g.get("finish").asText());
      assertThat(t.provenance()).isEqualTo(EntropyProvenance.EXACT);
      for (int j = 0; j < t.completionTokens(); j++) {
        assertThat((double) t.tokenEntropies()[j]).isCloseTo(g.get("entropies").get(j).asDouble(), within(1e-4));
        assertThat((double) t.tokenLogprobs()[j]).isCloseTo(g.get("logprobs").get(j).asDouble(), within(1e-4));
        assertThat(t.tokenConfidences()[j]).isGreaterThanOrEqualTo(-t.tokenLogprobs()[j] - 1e-6f);
      }
    }
  }

  @Test
  void should_sample_reproducibly_per_seed_and_match_greedy_at_top_k_one() throws IOException {
    Decoding hot = new Decoding(1.5, 1, 0, 0, null, 6);
    List<Trace> a = backend.generate(new GenerationRequest("s", "3+", hot, 4, 11));
    List<Trace> b = backend.generate(new GenerationRequest("s", "3+", hot, 4, 11));
    assertThat(a).extracting(Trace::text).isEqualTo(b.stream().map(Trace::text).toList());
    assertThat(a.stream().map(Trace::text).distinct().count()).isGreaterThan(1);
    for (int i = 0; i < 4; i++) {
      Trace alone = backend.generate(new GenerationRequest("s", "3+", hot, 1, 11 + i)).get(0);
      assertThat(alone.text()).as("trace %d decoded alone", i).isEqualTo(a.get(i).text());
      assertThat(alone.tokenEntropies()).containsExactly(a.get(i).tokenEntropies(), within(1e-5f));
    }
    Decoding topOne = new Decoding(1.5, 1, 1, 0, null, 6);
    Trace k1 = backend.generate(new GenerationRequest("s", "3+", topOne, 1, 5)).get(0);
    assertThat(k1.text()).isEqualTo("901232");
  }

  @Test
  void should_decode_greedily_under_edt_when_entropy_is_low() throws IOException {
    var edt = new Decoding.EntropyAdaptiveTemperature(1.0, 0.8, 1.0, 0.0);
    Decoding d = new Decoding(1.0, 1, 0, 0, edt, 6);
    assertThat(edt.temperatureFor(0.003)).isLessThan(1e-10);
    Trace t = backend.generate(new GenerationRequest("e", "12+7=", d, 1, 3)).get(0);
    assertThat(t.tokenEntropies()).hasSize(t.completionTokens());
    assertThat(backend.info().provenance().exact()).isTrue();
    assertThat(backend.info().fingerprint()).hasSize(64);
  }

  @Test
  void should_reject_a_vocabulary_that_does_not_fit_the_model_or_the_prompt() throws IOException {
    Path small = tmp.resolve("vocab.json");
    Files.writeString(small, "{\"0\": \"<eos>\", \"1\": \"1\", \"2\": \"+\"}");
    try (DjlTorchScriptBackend wrong = new DjlTorchScriptBackend(config(small))) {
      assertThatThrownBy(() -> wrong.generate(new GenerationRequest("x", "1+1", Decoding.greedy(2), 1, 0)))
          .hasMessageContaining("forward returned shape (1, 3, 14), expected [1, 3, 3]");
    }
    assertThatThrownBy(() -> backend.generate(new GenerationRequest("x", "1*1", Decoding.greedy(2), 1, 0)))
        .hasMessage("no vocabulary token covers '*' at offset 1 of the prompt; add it to the vocabulary or change "
            + "the prompt");
    Files.writeString(small, "{\"0\": \"a\", \"5\": \"b\"}");
    assertThatThrownBy(() -> JsonVocab.read(small))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(small + ":1:1: key '5' is not an id in 0..1; keys must be the ids 0..V-1, each once");
  }

  @Test
  void should_read_suite_keys_resolving_paths_against_a_base() {
    var c = DjlTorchScriptConfig.fromMap(java.util.Map.of("backend", "djl-torchscript", "name", "m", "module", "m.pt",
        "vocab", "v.json", "eos-token", "<eos>"), Path.of("/models"));
    assertThat(c).isEqualTo(new DjlTorchScriptConfig("m", Path.of("/models/m.pt"), Path.of("/models/v.json"), "<eos>",
        20));
    assertThatThrownBy(() -> DjlTorchScriptConfig.fromMap(java.util.Map.of("name", "m", "weights", "x"), Path.of(".")))
        .hasMessage("unknown key 'weights' in model; allowed: [backend, confidence-top-k, eos-token, module, name, "
            + "vocab]");
  }
}
