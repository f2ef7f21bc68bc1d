package org.entropyharness.model.lm.djl;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link DjlTorchScriptBackend}.
 *
 * @param name the model name as the suite gives it
 * @param module the TorchScript file ({@code .pt}) whose forward maps int64 ids {@code [1,T]} to logits {@code [1,T,V]}
 * @param vocab JSON vocabulary {@code {"id": "token"}} (see {@link JsonVocab} for its limits)
 * @param eosToken the token text that ends a completion, or null to stop only at max-tokens
 * @param confidenceTopK k of the DeepConf token confidence (minus the mean of the top-k logprobs)
 */
public record DjlTorchScriptConfig(String name, Path module, Path vocab, String eosToken, int confidenceTopK) {
  public DjlTorchScriptConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(vocab, "vocab");
    if (confidenceTopK < 1) {
      throw new IllegalArgumentException("confidenceTopK must be >= 1: " + confidenceTopK);
    }
  }
}
