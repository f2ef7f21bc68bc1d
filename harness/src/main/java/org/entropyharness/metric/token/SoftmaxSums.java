package org.entropyharness.metric.token;

/**
 * The sums one pass over a logits row collects, relative to its maximum m (d = z − m ≤ 0), from which every entropy
 * of softmax(z) follows. The entries at the maximum (d = 0, weight exactly 1) are counted apart rather than added to
 * the float lanes, so that a peaked row, whose other weights are below float precision next to 1, keeps their digits:
 * H = log(ties + rest) − weighted / (ties + rest) with {@code log(ties + rest)} taken as {@code log ties +
 * log1p(rest / ties)}.
 *
 * @param ties entries equal to the maximum
 * @param rest Σ exp(d) over the other entries
 * @param weighted Σ exp(d)·d over the other entries
 * @param powerRest Σ exp(α·d) over the other entries, for a Rényi order α (0 when not collected)
 */
record SoftmaxSums(long ties, double rest, double weighted, double powerRest) {

  /** log Σ exp(d): the log-partition function relative to the maximum. */
  double logPartition() {
    return Math.log(ties) + Math.log1p(rest / ties);
  }

  /** Shannon entropy −Σ p log p. */
  double shannon() {
    return logPartition() - weighted / (ties + rest);
  }

  /** Rényi entropy log(Σ p^α) / (1 − α) of a finite order α ≠ 1, whose power sum this pass collected. */
  double renyi(double alpha) {
    return Math.log(ties) + (Math.log1p(powerRest / ties) - alpha * Math.log1p(rest / ties)) / (1 - alpha);
  }

  /** Min-entropy −log max p, Rényi's order ∞. */
  double minEntropy() {
    return logPartition();
  }
}
