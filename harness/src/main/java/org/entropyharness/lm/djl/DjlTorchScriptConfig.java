package org.entropyharness.lm.djl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of a {@link DjlTorchScriptBackend}, as a suite gives them under {@code model:}.
 *
 * <pre>{@code
 * model:
 *   backend: djl-torchscript
 *   name: tiny-adder
 *   module: models/tiny_adder.pt          # TorchScript, ids [n,T] -> logits [n,T,V]
 *   vocab: models/tiny_adder_vocab.json   # {"0": "<eos>", "1": "0", ...}
 *   eos-token: "<eos>"                    # optional; otherwise only max-tokens stops
 *   confidence-top-k: 20                  # optional (default 20)
 * }</pre>
 *
 * @param name the model name as the suite gives it
 * @param module the TorchScript file ({@code .pt}) whose forward maps int64 ids {@code [n,T]} to logits {@code [n,T,V]}
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

  /** The keys {@link #fromMap} accepts. */
  public static final Set<String> KEYS = Set.of("backend", "name", "module", "vocab", "eos-token", "confidence-top-k");

  /**
   * Reads the suite's {@code model:} mapping; relative paths resolve against {@code base}.
   *
   * @throws IllegalArgumentException naming an unknown or missing key and the allowed keys
   */
  public static DjlTorchScriptConfig fromMap(Map<String, ?> m, Path base) {
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown key '" + k + "' in model; allowed: " + new TreeSet<>(KEYS));
      }
    }
    for (String k : new String[] {"name", "module", "vocab"}) {
      if (m.get(k) == null) {
        throw new IllegalArgumentException("model: key '" + k + "' is required for backend djl-torchscript");
      }
    }
    Object k = m.get("confidence-top-k");
    if (k != null && !(k instanceof Integer)) {
      throw new IllegalArgumentException("confidence-top-k: expected an integer, found '" + k + "'");
    }
    return new DjlTorchScriptConfig(String.valueOf(m.get("name")), base.resolve(String.valueOf(m.get("module"))),
        base.resolve(String.valueOf(m.get("vocab"))), m.get("eos-token") == null ? null : String.valueOf(
            m.get("eos-token")), k == null ? 20 : (Integer) k);
  }
}
