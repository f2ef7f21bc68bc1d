package org.entropyharness.lm.cache;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Sha256;
import org.entropyharness.lm.Trace;

/** Traces already generated, by {@link #key}. Implementations are safe for concurrent use. */
public interface GenerationCache extends AutoCloseable {

  /** The traces stored under {@code key}, if any. */
  Optional<List<Trace>> get(String key);

  /** Stores traces under {@code key}, replacing what was there. */
  void put(String key, List<Trace> traces) throws IOException;

  /** Number of keys held. */
  int size();

  @Override
  default void close() throws IOException {}

  /**
   * sha256 over the model fingerprint, what its entropies measure (the provenance label, so that traces stored
   * under another definition are not taken for this one), the prompt, every decoding parameter, n and the seed. The
   * prompt id is left out on purpose: the same prompt under another id is the same generation.
   */
  static String key(ModelInfo model, GenerationRequest r) {
    return Sha256.of(model.fingerprint(), model.provenance().label(), r.prompt(), canonical(r.decoding()),
        Integer.toString(r.n()), Long.toString(r.seed()));
  }

  /** A text form of the decoding that differs whenever any parameter differs. */
  static String canonical(Decoding d) {
    Decoding.EntropyAdaptiveTemperature e = d.entropyAdaptive();
    String edt = e == null ? "none" : e.t0() + "," + e.base() + "," + e.theta() + "," + e.minTemperature();
    return "temperature=" + d.temperature() + ";top-p=" + d.topP() + ";top-k=" + d.topK() + ";min-p=" + d.minP()
        + ";edt=" + edt + ";max-tokens=" + d.maxTokens();
  }
}
