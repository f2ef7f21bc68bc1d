package org.entropyharness.lm.train.rl;

import java.util.List;

/**
 * Samples packed for one update, row-major {@code [rows, length]}: row r is prompt + response of a sample shifted by
 * one (inputs predict targets), padded with 0; the mask is 1 exactly on the response's target positions.
 *
 * @param inputs input token ids
 * @param targets next-token ids
 * @param mask 1 on response tokens
 * @param oldLogProbs the sampler's log π_old at the response tokens, 0 elsewhere
 * @param advantages the sample's advantage at its response tokens, 0 elsewhere
 * @param rows samples
 * @param length longest prompt + response − 1
 */
record UpdateBatch(int[] inputs, int[] targets, float[] mask, float[] oldLogProbs, float[] advantages, int rows,
    int length) {

  /** Packs {@code samples} with their advantages ({@code advantages[i]} belongs to {@code samples.get(i)}). */
  static UpdateBatch pack(List<RolloutSample> samples, double[] advantages) {
    int length = 0;
    for (RolloutSample s : samples) {
      length = Math.max(length, s.prompt().length + s.response().length - 1);
    }
    int rows = samples.size();
    int[] inputs = new int[rows * length];
    int[] targets = new int[rows * length];
    float[] mask = new float[rows * length];
    float[] old = new float[rows * length];
    float[] adv = new float[rows * length];
    for (int r = 0; r < rows; r++) {
      RolloutSample s = samples.get(r);
      int p = s.prompt().length;
      int at = r * length;
      System.arraycopy(s.prompt(), 0, inputs, at, p);
      System.arraycopy(s.response(), 0, inputs, at + p, s.response().length - 1);
      System.arraycopy(s.prompt(), 1, targets, at, p - 1);
      for (int j = 0; j < s.response().length; j++) {
        int position = at + p - 1 + j; // the input there is the token before response token j
        targets[position] = s.response()[j];
        mask[position] = 1f;
        old[position] = s.oldLogProbs()[j];
        adv[position] = (float) advantages[r];
      }
    }
    return new UpdateBatch(inputs, targets, mask, old, adv, rows, length);
  }

  /** Response tokens in the batch. */
  int tokens() {
    int n = 0;
    for (float m : mask) {
      n += (int) m;
    }
    return n;
  }

  /** Flat indices of the response tokens, row-major: the order of the per-token arrays of the selections. */
  int[] responsePositions() {
    int[] out = new int[tokens()];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] > 0) {
        out[k++] = i;
      }
    }
    return out;
  }
}
