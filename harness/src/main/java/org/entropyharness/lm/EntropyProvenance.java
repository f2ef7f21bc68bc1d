package org.entropyharness.lm;

/**
 * What a recorded per-token entropy measured. The two kinds are different quantities, so a result file names which
 * one it holds ({@link #label}) and they are never compared with each other:
 *
 * <ul>
 *   <li>{@code exact T=1}: the Shannon entropy of the model's whole next-token distribution at temperature 1 (its own
 *       distribution, whatever the sampling temperature), from full logits ({@code metric.token.SoftmaxEntropy});
 *   <li>{@code top-k renormalised T=server}: the Shannon entropy of the k largest probabilities a server returned,
 *       renormalised to sum to 1 ({@code metric.token.TopKEntropy}), at whatever temperature the server computes
 *       its logprobs (vLLM's V1 engine: the raw distribution, T=1, unless started with {@code --logprobs-mode
 *       processed_logprobs}; its V0 engine: after the request's temperature).
 * </ul>
 *
 * @param topK 0 for exact, else the k of the top-k estimate
 */
public record EntropyProvenance(int topK) {
  public static final EntropyProvenance EXACT = new EntropyProvenance(0);

  public EntropyProvenance {
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0: " + topK);
    }
  }

  /** The entropy of a server's top-k logprobs renormalised over those k. */
  public static EntropyProvenance topK(int k) {
    return new EntropyProvenance(k);
  }

  public boolean exact() {
    return topK == 0;
  }

  /** What the result files' {@code provenance} column says: {@code exact T=1} or {@code top-20 renormalised T=server}. */
  public String label() {
    return exact() ? "exact T=1" : "top-" + topK + " renormalised T=server";
  }
}
