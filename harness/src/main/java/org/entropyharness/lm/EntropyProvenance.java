package org.entropyharness.lm;

/**
 * How a per-token entropy was obtained. Exact entropies (full vocabulary) and top-k estimates are different
 * quantities: gates never compare one with the other.
 *
 * @param topK 0 for exact, else the number of logprobs the estimate used
 */
public record EntropyProvenance(int topK) {
  public static final EntropyProvenance EXACT = new EntropyProvenance(0);

  public EntropyProvenance {
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0: " + topK);
    }
  }

  public static EntropyProvenance topK(int k) {
    return new EntropyProvenance(k);
  }

  public boolean exact() {
    return topK == 0;
  }

  /** "exact" or "top-20". */
  public String label() {
    return exact() ? "exact" : "top-" + topK;
  }
}
