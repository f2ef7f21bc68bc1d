package org.entropyharness.run.reasoning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.djl.DjlTorchScriptBackend;
import org.entropyharness.lm.djl.DjlTorchScriptConfig;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.lm.openai.OpenAiBackend;
import org.entropyharness.lm.openai.OpenAiConfig;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.suite.Params;

/** Opens the language model a reasoning suite's {@code model:} section names. */
final class ReasoningBackends {
  static final String SHIPPED_WEIGHTS = "datasets/models/arith-tiny.bin";

  private ReasoningBackends() {}

  /** Checks the section without opening anything heavy: files exist, OpenAI keys parse. */
  static void check(Params model) {
    switch (model.string("backend", "embedded")) {
      case "embedded" -> weights(model);
      case "openai" -> openAiConfig(model);
      default -> djlConfig(model);
    }
  }

  static LanguageModel open(Params model) throws IOException {
    return switch (model.string("backend", "embedded")) {
      case "embedded" -> embedded(model);
      case "openai" -> new OpenAiBackend(openAiConfig(model));
      default -> new DjlTorchScriptBackend(djlConfig(model));
    };
  }

  private static LanguageModel embedded(Params model) throws IOException {
    Path weights = weights(model);
    Path manifest = weights.getParent().getParent().resolve("MANIFEST.tsv");
    return Files.isRegularFile(manifest) && Files.readString(manifest).contains(weights.getFileName().toString())
        ? EmbeddedModel.load(weights, manifest, 16)
        : EmbeddedModel.loadUnverified(weights, 16);
  }

  private static Path weights(Params model) {
    if (model.has("weights")) {
      return model.existingPath("weights");
    }
    Path shipped = HarnessPaths.fromEnvironment().root().resolve(SHIPPED_WEIGHTS);
    if (!Files.isRegularFile(shipped)) {
      throw model.error("backend", "the embedded model's weights " + shipped + " do not exist; give 'weights: <path>'");
    }
    return shipped;
  }

  private static DjlTorchScriptConfig djlConfig(Params model) {
    model.existingPath("module");
    model.existingPath("vocab");
    try {
      return DjlTorchScriptConfig.fromMap(model.asMap(), model.resolve("."));
    } catch (IllegalArgumentException e) {
      throw model.error("backend", e.getMessage());
    }
  }

  /** Why an OpenAI-backed suite cannot run here (no endpoint configured), or empty. */
  static java.util.Optional<String> skipReason(Params model) {
    if (!model.string("backend", "embedded").equals("openai") || model.has("endpoints")) {
      return java.util.Optional.empty();
    }
    String variable = model.string("endpoints-env", "HARNESS_OPENAI_ENDPOINTS");
    String value = System.getenv(variable);
    return value == null || value.isBlank()
        ? java.util.Optional.of("no OpenAI-compatible endpoint configured: set " + variable + " (comma-separated base URLs, e.g. http://host:8000/v1)")
        : java.util.Optional.empty();
  }

  private static OpenAiConfig openAiConfig(Params model) {
    Map<String, Object> values = new LinkedHashMap<>(model.asMap());
    Object variable = values.remove("endpoints-env");
    if (!values.containsKey("endpoints")) {
      String urls = System.getenv(variable == null ? "HARNESS_OPENAI_ENDPOINTS" : variable.toString());
      if (urls != null && !urls.isBlank()) {
        values.put("endpoints", java.util.Arrays.stream(urls.split(",")).map(String::strip).toList());
      }
    }
    try {
      return OpenAiConfig.fromMap(values);
    } catch (IllegalArgumentException e) {
      throw model.error("endpoints", e.getMessage());
    }
  }
}
