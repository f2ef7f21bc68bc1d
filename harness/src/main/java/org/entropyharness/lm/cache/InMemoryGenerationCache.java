package org.entropyharness.lm.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.entropyharness.lm.Trace;

/** A cache held in memory for the life of one run. */
public final class InMemoryGenerationCache implements GenerationCache {
  private final Map<String, List<Trace>> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<List<Trace>> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public void put(String key, List<Trace> traces) {
    entries.put(key, List.copyOf(traces));
  }

  @Override
  public int size() {
    return entries.size();
  }
}
