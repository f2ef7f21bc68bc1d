package org.entropyharness.metric.token;

/**
 * Exact entropies of softmax(z) for one row of logits z, in nats: Shannon and Rényi of any order (min-entropy at
 * α = ∞). Exact means over the whole row (every token of the vocabulary), at temperature 1 (divide the logits by T
 * first for another); two passes over the row, one for its maximum, one that sums exp(z − max) with the moments the
 * entropy needs, on SIMD lanes when the JVM has the Vector API ({@link VectorSoftmaxPass}) and in a plain loop
 * otherwise ({@link ScalarSoftmaxPass}). The two give the same bits, on any CPU.
 *
 * <p>The exponential is a polynomial with relative error below 3e-7 over the non-positive range, because {@link
 * Math#exp} is the bottleneck of a 151,936-entry row; entropies agree with a double-precision {@code Math.exp}
 * computation to about 2e-6 relative, peaked rows included (the entries at the maximum are counted apart, see {@link
 * SoftmaxSums}). Exponents at or below −87 (where exp leaves float's normal range) count as 0, so a −Infinity logit
 * (a masked token) contributes nothing.
 */
public final class SoftmaxEntropy {
  /**
   * True when the JVM was started with {@code --add-modules=jdk.incubator.vector} (every harness launcher does): the
   * pass then runs on SIMD lanes. {@code -Dentropyharness.scalar=true} forces the scalar loop (same results, slower).
   */
  public static final boolean VECTORISED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("entropyharness.scalar");

  private SoftmaxEntropy() {}

  /** Shannon entropy −Σ p log p of softmax(logits). */
  public static double shannon(float[] logits) {
    return shannon(logits, 0, logits.length);
  }

  /** Shannon entropy of softmax over {@code row[from, from+length)}. */
  public static double shannon(float[] row, int from, int length) {
    return sums(row, from, length, Float.NaN, VECTORISED).shannon();
  }

  /**
   * Shannon entropy of softmax(z / temperature) over {@code row[from, from+length)}: the distribution a model samples
   * from at that temperature (policy entropy measured at a declared temperature).
   */
  public static double shannonAt(float[] row, int from, int length, double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive and finite: " + temperature);
    }
    if (temperature == 1.0) {
      return shannon(row, from, length);
    }
    float[] scaled = new float[length];
    for (int i = 0; i < length; i++) {
      scaled[i] = (float) (row[from + i] / temperature);
    }
    return shannon(scaled, 0, length);
  }

  /** The portable loop that {@link #shannon} uses when the Vector API is not available. */
  public static double scalarShannon(float[] logits) {
    return sums(logits, 0, logits.length, Float.NaN, false).shannon();
  }

  /** Rényi entropy of order {@code alpha} of softmax(logits); see {@link #renyi(float[], int, int, double)}. */
  public static double renyi(float[] logits, double alpha) {
    return renyi(logits, 0, logits.length, alpha);
  }

  /**
   * Rényi entropy H_α = log(Σ p^α) / (1 − α) of softmax over {@code row[from, from+length)}, for α in (0, 1) ∪ (1, ∞);
   * α = 1 gives the Shannon entropy (its limit) and α = +∞ the min-entropy −log max p. Close to α = 1 the quotient
   * loses digits as 1/|1 − α|: ask for Shannon there.
   */
  public static double renyi(float[] row, int from, int length, double alpha) {
    if (!((float) alpha > 0)) {
      throw new IllegalArgumentException("Renyi order alpha must be > 0: " + alpha);
    }
    if (alpha == 1) {
      return shannon(row, from, length);
    }
    if (alpha == Double.POSITIVE_INFINITY) {
      return sums(row, from, length, Float.NaN, VECTORISED).minEntropy();
    }
    return sums(row, from, length, (float) alpha, VECTORISED).renyi((float) alpha);
  }

  static double scalarRenyi(float[] logits, double alpha) {
    return alpha == Double.POSITIVE_INFINITY
        ? sums(logits, 0, logits.length, Float.NaN, false).minEntropy()
        : sums(logits, 0, logits.length, (float) alpha, false).renyi((float) alpha);
  }

  /** Validates the row through its maximum, then sums on lanes or in the scalar loop; alpha NaN skips the power sum. */
  private static SoftmaxSums sums(float[] row, int from, int length, float alpha, boolean vectorised) {
    if (length == 0) {
      throw InvalidLogitsException.of(row, from, length);
    }
    float max = vectorised ? VectorSoftmaxPass.max(row, from, length) : max(row, from, length);
    if (!(max > Float.NEGATIVE_INFINITY && max < Float.POSITIVE_INFINITY)) {
      throw InvalidLogitsException.of(row, from, length);
    }
    return vectorised
        ? VectorSoftmaxPass.sums(row, from, length, max, alpha)
        : ScalarSoftmaxPass.sums(row, from, length, max, alpha);
  }

  /** The maximum, NaN when any entry is NaN (Math.max propagates it, as the SIMD max does). */
  static float max(float[] row, int from, int length) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = from; i < from + length; i++) {
      m = Math.max(m, row[i]);
    }
    return m;
  }
}
