package org.entropyharness.lm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A language model that samples completions for a prompt. Implementations: the embedded model (exact entropy over
 * the full vocabulary), OpenAI-compatible HTTP servers (entropy estimated from top-k logprobs), DJL TorchScript.
 */
public interface LanguageModel extends AutoCloseable {

  /** Name, fingerprint and entropy provenance of this model. */
  ModelInfo info();

  /**
   * Generates {@code request.n()} traces for one prompt. Deterministic for a given seed where the backend allows it.
   * A trace that failed after retries is returned with {@link Trace#error()} set, never dropped.
   */
  List<Trace> generate(GenerationRequest request) throws IOException;

  /**
   * Generates for several prompts, results in request order. Remote backends override this to keep several
   * requests in flight; the default runs them one after another.
   */
  default List<List<Trace>> generateAll(List<GenerationRequest> requests) throws IOException {
    List<List<Trace>> out = new ArrayList<>(requests.size());
    for (GenerationRequest r : requests) {
      out.add(generate(r));
    }
    return out;
  }

  /**
   * How many requests this model works on at once: callers hand {@link #generateAll} at least a few times this
   * many prompts, or its concurrency goes unused.
   */
  default int maxInFlight() {
    return 1;
  }

  /** A scorer of given completions when this backend sees the whole next-token distribution, else empty. */
  default Optional<TokenScorer> scorer() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
