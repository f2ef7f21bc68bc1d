package org.entropyharness.lm.djl;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.entropyharness.lm.Decoding;

/**
 * One next-token distribution from full logits: exact entropy, DeepConf confidence, and a choice under a
 * {@link Decoding}. The recorded entropy is that of the model's own distribution (temperature 1), whatever the
 * sampling temperature.
 */
final class NextToken {
  final double[] logprobs;
  final double entropy;

  NextToken(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    double logZ = max + Math.log(sum);
    logprobs = new double[logits.length];
    double h = 0;
    for (int i = 0; i < logits.length; i++) {
      logprobs[i] = logits[i] - logZ;
      double p = Math.exp(logprobs[i]);
      h -= p > 0 ? p * logprobs[i] : 0;
    }
    entropy = h;
  }

  /** Minus the mean of the k largest logprobs. */
  double confidence(int k) {
    double[] sorted = logprobs.clone();
    Arrays.sort(sorted);
    int kk = Math.min(k, sorted.length);
    double s = 0;
    for (int i = sorted.length - kk; i < sorted.length; i++) {
      s += sorted[i];
    }
    return -s / kk;
  }

  /** The chosen token: argmax when the (possibly entropy-adaptive) temperature is 0, else a filtered sample. */
  int choose(Decoding d, SplittableRandom random) {
    double t = d.entropyAdaptive() != null ? d.entropyAdaptive().temperatureFor(entropy) : d.temperature();
    if (t <= 0) {
      return argmax();
    }
    double[] w = new double[logprobs.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(logprobs[i] / t);
    }
    filter(w, d);
    double u = random.nextDouble() * Arrays.stream(w).sum();
    int last = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        last = i;
        u -= w[i];
        if (u <= 0) {
          return i;
        }
      }
    }
    return last;
  }

  private int argmax() {
    int best = 0;
    for (int i = 1; i < logprobs.length; i++) {
      if (logprobs[i] > logprobs[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Zeroes weights outside top-k, below min-p of the top weight, and outside the top-p nucleus. */
  private static void filter(double[] w, Decoding d) {
    Integer[] order = new Integer[w.length];
    for (int i = 0; i < w.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
    double total = Arrays.stream(w).sum();
    double top = w[order[0]];
    double mass = 0;
    for (int r = 0; r < order.length; r++) {
      int i = order[r];
      boolean outK = d.topK() > 0 && r >= d.topK();
      boolean outMinP = w[i] < d.minP() * top;
      boolean outP = r > 0 && mass >= d.topP() * total;
      mass += w[i];
      if (outK || outMinP || outP) {
        w[i] = 0;
      }
    }
  }
}
