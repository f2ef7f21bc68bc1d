package org.entropyharness.lm.embedded;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;

/**
 * Picks the next token from full-vocabulary logits and measures the model's distribution there: exact entropy, DeepConf
 * confidence and the chosen token's logprob, all of the unmodified (temperature 1) distribution.
 *
 * @param token the chosen token id
 * @param entropy Shannon entropy in nats of the model's next-token distribution
 * @param confidence minus the mean of the top-k logprobs (k = 20, or the vocabulary size if smaller)
 * @param logprob the chosen token's logprob under the model's distribution
 * @param temperature the temperature actually used (0 for argmax)
 */
record TokenChoice(int token, float entropy, float confidence, float logprob, double temperature) {
  static final int CONFIDENCE_TOP_K = 20;

  /**
   * Chooses from {@code logits[at, at+vocabulary)}: argmax when the temperature is 0 (ties to the lowest id), else
   * sampling after temperature (fixed or entropy-adaptive), top-k, top-p and min-p, in that order.
   */
  static TokenChoice choose(float[] logits, int at, int vocabulary, Decoding decoding, SplittableRandom rng) {
    double[] logp = logSoftmax(logits, at, vocabulary, 1.0);
    double entropy = 0;
    for (double lp : logp) {
      entropy -= Math.exp(lp) * lp;
    }
    double temperature = decoding.entropyAdaptive() != null
        ? decoding.entropyAdaptive().temperatureFor(entropy)
        : decoding.temperature();
    int token = temperature == 0 ? argmax(logp) : sample(logits, at, vocabulary, temperature, decoding, rng);
    return new TokenChoice(token, (float) entropy, (float) confidence(logp), (float) logp[token], temperature);
  }

  private static int sample(
      float[] logits, int at, int vocabulary, double temperature, Decoding decoding, SplittableRandom rng) {
    double[] p = logSoftmax(logits, at, vocabulary, temperature);
    for (int i = 0; i < vocabulary; i++) {
      p[i] = Math.exp(p[i]);
    }
    Integer[] order = new Integer[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    int keep = decoding.topK() > 0 ? Math.min(decoding.topK(), vocabulary) : vocabulary;
    double mass = 0;
    for (int r = 0; r < keep; r++) {
      mass += p[order[r]];
      if (mass >= decoding.topP()) {
        keep = r + 1;
        break;
      }
    }
    double floor = decoding.minP() * p[order[0]];
    double total = 0;
    int kept = 0;
    for (int r = 0; r < keep && (r == 0 || p[order[r]] >= floor); r++) {
      total += p[order[r]];
      kept = r + 1;
    }
    double u = rng.nextDouble() * total;
    for (int r = 0; r < kept; r++) {
      u -= p[order[r]];
      if (u < 0) {
        return order[r];
      }
    }
    return order[kept - 1];
  }

  static double[] logSoftmax(float[] logits, int at, int vocabulary, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < vocabulary; i++) {
      max = Math.max(max, logits[at + i] / temperature);
    }
    double sum = 0;
    for (int i = 0; i < vocabulary; i++) {
      sum += Math.exp(logits[at + i] / temperature - max);
    }
    double log = max + Math.log(sum);
    double[] out = new double[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      out[i] = logits[at + i] / temperature - log;
    }
    return out;
  }

  private static double confidence(double[] logp) {
    double[] sorted = logp.clone();
    Arrays.sort(sorted);
    int k = Math.min(CONFIDENCE_TOP_K, sorted.length);
    double sum = 0;
    for (int r = 0; r < k; r++) {
      sum += sorted[sorted.length - 1 - r];
    }
    return -sum / k;
  }

  private static int argmax(double[] logp) {
    int best = 0;
    for (int i = 1; i < logp.length; i++) {
      if (logp[i] > logp[best]) {
        best = i;
      }
    }
    return best;
  }
}
