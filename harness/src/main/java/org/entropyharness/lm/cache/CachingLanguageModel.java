package org.entropyharness.lm.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.LanguageModel;
import org.entropyharness.lm.ModelInfo;
import org.entropyharness.lm.Trace;

/**
 * A model that answers from a {@link GenerationCache} and asks its delegate only on a miss. Results with a failed
 * trace are not stored, so a rerun tries those prompts again.
 */
public final class CachingLanguageModel implements LanguageModel {
  private final LanguageModel delegate;
  private final GenerationCache cache;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public CachingLanguageModel(LanguageModel delegate, GenerationCache cache) {
    this.delegate = delegate;
    this.cache = cache;
  }

  @Override
  public ModelInfo info() {
    return delegate.info();
  }

  @Override
  public java.util.Optional<org.entropyharness.lm.TokenScorer> scorer() {
    return delegate.scorer();
  }

  @Override
  public List<Trace> generate(GenerationRequest request) throws IOException {
    return generateAll(List.of(request)).get(0);
  }

  /** Looks every request up first, then sends only the misses to the delegate in one batch. */
  @Override
  public List<List<Trace>> generateAll(List<GenerationRequest> requests) throws IOException {
    List<List<Trace>> out = new ArrayList<>(requests.size());
    List<GenerationRequest> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (GenerationRequest r : requests) {
      Optional<List<Trace>> hit = cache.get(GenerationCache.key(info(), r));
      out.add(hit.orElse(null));
      if (hit.isEmpty()) {
        missing.add(r);
        where.add(out.size() - 1);
      }
    }
    hits.addAndGet(requests.size() - missing.size());
    misses.addAndGet(missing.size());
    if (!missing.isEmpty()) {
      List<List<Trace>> fresh = delegate.generateAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        List<Trace> traces = fresh.get(i);
        if (traces.stream().noneMatch(Trace::failed)) {
          cache.put(GenerationCache.key(info(), missing.get(i)), traces);
        }
        out.set(where.get(i), traces);
      }
    }
    return out;
  }

  @Override
  public int maxInFlight() {
    return delegate.maxInFlight();
  }

  /** Requests answered from the cache so far. */
  public long hits() {
    return hits.get();
  }

  /** Requests sent to the delegate so far. */
  public long misses() {
    return misses.get();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
