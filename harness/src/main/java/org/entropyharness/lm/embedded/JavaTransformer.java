package org.entropyharness.lm.embedded;

/**
 * The embedded transformer's forward pass on plain float arrays, over KV caches: a decode step that feeds one token to
 * each of a batch of sequences, and a prefill that feeds a whole prompt to one. Both are rows of one forward pass,
 * and a row's arithmetic does not depend on the rows beside it, so a position's logits are the same bits whichever
 * way it was computed (the tests check this).
 */
public final class JavaTransformer {
  private final TinyGptConfig c;
  private final float[] tokEmb;
  private final float[] posEmb;
  private final Layer[] layers;
  private final float[] lnfG;
  private final float[] lnfB;
  /** The output projection with zero columns up to {@link #headWidth}, so its rows fill whole SIMD vectors. */
  private final Linear head;
  private final int headWidth;

  /** One block's weights. */
  private record Layer(
      float[] ln1G, float[] ln1B, Linear qkv, Linear proj, float[] ln2G, float[] ln2B, Linear fc1, Linear fc2) {}

  /** The forward pass of these weights (arrays are shared, not copied). */
  public JavaTransformer(WeightsFile w) {
    c = w.config();
    tokEmb = w.tensor("tok_emb");
    posEmb = w.tensor("pos_emb");
    layers = new Layer[c.layers()];
    int d = c.dModel();
    for (int l = 0; l < layers.length; l++) {
      String p = "h" + l + ".";
      layers[l] = new Layer(w.tensor(p + "ln1.g"), w.tensor(p + "ln1.b"),
          Linear.of(w.tensor(p + "qkv.w"), w.tensor(p + "qkv.b"), d, 3 * d),
          Linear.of(w.tensor(p + "proj.w"), w.tensor(p + "proj.b"), d, d),
          w.tensor(p + "ln2.g"), w.tensor(p + "ln2.b"),
          Linear.of(w.tensor(p + "fc1.w"), w.tensor(p + "fc1.b"), d, c.ffDim()),
          Linear.of(w.tensor(p + "fc2.w"), w.tensor(p + "fc2.b"), c.ffDim(), d));
    }
    lnfG = w.tensor("lnf.g");
    lnfB = w.tensor("lnf.b");
    headWidth = (c.vocabularySize() + 15) / 16 * 16;
    head = Linear.of(padColumns(w.tensor("head.w"), d, c.vocabularySize(), headWidth),
        padColumns(w.tensor("head.b"), 1, c.vocabularySize(), headWidth), d, headWidth);
  }

  public TinyGptConfig config() {
    return c;
  }

  /**
   * Feeds {@code tokens[b]} to sequence {@code b} at its cache's next position, for {@code rows} sequences at once;
   * writes next-token logits {@code [rows, vocabulary]} and advances each cache. Rows never mix, so a batch is cut
   * in two and the halves run on two cores ({@link SecondCore}, or both here when it is busy); each row's arithmetic
   * is the same in either half.
   */
  void step(int[] tokens, KvCache[] caches, int rows, float[] logits) {
    step(tokens, caches, rows, logits, (from, to) -> {});
  }

  /**
   * As {@link #step(int[], KvCache[], int, float[])}, then {@code then} on each half's rows in the thread that
   * computed them, so per-row work after the logits (sampling) runs on both cores too.
   */
  void step(int[] tokens, KvCache[] caches, int rows, float[] logits, SecondCore.Rows then) {
    SecondCore.splitRows(rows, (from, to) -> {
      stepRows(tokens, caches, from, to, logits);
      then.run(from, to);
    });
  }

  /** Rows {@code [from, to)} of a step: each sequence's next token at its cache's next position. */
  private void stepRows(int[] tokens, KvCache[] caches, int from, int to, float[] logits) {
    int[] positions = new int[to];
    for (int b = from; b < to; b++) {
      positions[b] = caches[b].length();
    }
    forwardRows(tokens, caches, positions, from, to, logits);
    for (int b = from; b < to; b++) {
      caches[b].advance();
    }
  }

  /**
   * Feeds a sequence's {@code tokens} to {@code cache} at its next positions all at once (a prompt's prefill): one row
   * per position, each attending to the positions before it, with the arithmetic {@link #step} does for that
   * position. Returns the logits at every fed position, flattened {@code [tokens.length, vocabulary]}.
   */
  float[] prefill(int[] tokens, KvCache cache) {
    int n = tokens.length;
    KvCache[] caches = new KvCache[n];
    int[] positions = new int[n];
    for (int t = 0; t < n; t++) {
      caches[t] = cache;
      positions[t] = cache.length() + t;
    }
    float[] logits = new float[n * c.vocabularySize()];
    forwardRows(tokens, caches, positions, 0, n, logits);
    for (int t = 0; t < n; t++) {
      cache.advance();
    }
    return logits;
  }

  /** Logits {@code [tokens.length][vocabulary]} of a whole sequence from an empty cache. */
  public float[][] fullLogits(int[] tokens) {
    float[] flat = prefill(tokens, new KvCache(c));
    int vocabulary = c.vocabularySize();
    float[][] out = new float[tokens.length][];
    for (int t = 0; t < tokens.length; t++) {
      out[t] = java.util.Arrays.copyOfRange(flat, t * vocabulary, (t + 1) * vocabulary);
    }
    return out;
  }

  /**
   * Rows {@code [from, to)}: token {@code tokens[b]} at position {@code positions[b]} of {@code caches[b]}, whose
   * earlier positions are filled (or are filled by earlier rows of this call); stores each row's key and value there
   * and writes its next-token logits to row b of {@code logits}. The caller advances the caches.
   */
  private void forwardRows(int[] tokens, KvCache[] caches, int[] positions, int from, int to, float[] logits) {
    int d = c.dModel();
    int rows = to - from;
    float[] x = new float[rows * d];
    for (int b = 0; b < rows; b++) {
      int pos = positions[from + b];
      if (pos >= c.maxLength()) {
        throw new IllegalStateException("sequence is longer than the model's max_length " + c.maxLength());
      }
      for (int j = 0; j < d; j++) {
        x[b * d + j] = tokEmb[tokens[from + b] * d + j] + posEmb[pos * d + j];
      }
    }
    float[] h = new float[rows * d];
    float[] qkv = new float[rows * 3 * d];
    float[] att = new float[rows * d];
    float[] ff = new float[rows * c.ffDim()];
    float[] scores = new float[c.heads() * RowKernels.paddedLength(c.maxLength())];
    for (int l = 0; l < layers.length; l++) {
      Layer w = layers[l];
      layerNorm(x, rows, w.ln1G, w.ln1B, h);
      w.qkv.apply(h, rows, qkv);
      for (int b = 0; b < rows; b++) {
        KvCache cache = caches[from + b];
        int pos = positions[from + b];
        float[] keys = cache.keys[l];
        for (int j = 0; j < d; j++) {
          keys[j * cache.keyStride + pos] = qkv[b * 3 * d + d + j];
        }
        System.arraycopy(qkv, b * 3 * d + 2 * d, cache.values[l], pos * d, d);
        attend(qkv, b * 3 * d, keys, cache.keyStride, cache.values[l], pos + 1, scores, att, b * d);
      }
      finishBlock(w, att, rows, x, h, ff);
    }
    layerNorm(x, rows, lnfG, lnfB, h);
    int vocabulary = c.vocabularySize();
    float[] out = new float[rows * headWidth];
    head.apply(h, rows, out);
    for (int b = 0; b < rows; b++) {
      System.arraycopy(out, b * headWidth, logits, (from + b) * vocabulary, vocabulary);
    }
  }

  /** A row-major {@code [rows, columns]} matrix widened to {@code width} columns with zeros. */
  private static float[] padColumns(float[] matrix, int rows, int columns, int width) {
    float[] out = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(matrix, r * columns, out, r * width, columns);
    }
    return out;
  }

  /** The rest of a block after attention: output projection and MLP, each added to the residual stream. */
  private void finishBlock(Layer w, float[] att, int rows, float[] x, float[] h, float[] ff) {
    int d = c.dModel();
    w.proj.addTo(att, rows, x);
    layerNorm(x, rows, w.ln2G, w.ln2B, h);
    w.fc1.apply(h, rows, ff);
    relu(ff);
    w.fc2.addTo(ff, rows, x);
  }

  /**
   * Causal attention of one query (at {@code qkv[qAt..]}) over the first {@code length} cached positions; keys are
   * stored transposed ({@code keys[j·keyStride + t]}), values by position; {@code scores} is scratch space for every
   * head's row of probabilities.
   */
  private void attend(float[] qkv, int qAt, float[] keys, int keyStride, float[] values, int length, float[] scores,
      float[] out, int outAt) {
    int dh = c.headDim();
    int stride = scores.length / c.heads();
    float scale = (float) (1.0 / Math.sqrt(dh));
    for (int head = 0; head < c.heads(); head++) {
      int off = head * dh;
      int p = head * stride;
      RowKernels.scores(qkv, qAt + off, keys, keyStride, off, dh, length, scale, scores, p);
      float max = Float.NEGATIVE_INFINITY;
      for (int t = p; t < p + length; t++) {
        max = Math.max(max, scores[t]);
      }
      float sum = 0;
      for (int t = p; t < p + length; t++) {
        scores[t] = (float) Math.exp(scores[t] - max);
        sum += scores[t];
      }
      for (int t = p; t < p + length; t++) {
        scores[t] /= sum;
      }
    }
    RowKernels.weightedSums(scores, stride, length, values, c.dModel(), dh, out, outAt);
  }

  /** Layer norm of each row; four rows at a time, so their sums (each in its own order) do not wait on each other. */
  private void layerNorm(float[] x, int rows, float[] g, float[] beta, float[] out) {
    int d = c.dModel();
    int b = 0;
    for (; b + 4 <= rows; b += 4) {
      int a0 = b * d;
      int a1 = a0 + d;
      int a2 = a1 + d;
      int a3 = a2 + d;
      float m0 = 0;
      float m1 = 0;
      float m2 = 0;
      float m3 = 0;
      for (int j = 0; j < d; j++) {
        m0 += x[a0 + j];
        m1 += x[a1 + j];
        m2 += x[a2 + j];
        m3 += x[a3 + j];
      }
      m0 /= d;
      m1 /= d;
      m2 /= d;
      m3 /= d;
      float v0 = 0;
      float v1 = 0;
      float v2 = 0;
      float v3 = 0;
      for (int j = 0; j < d; j++) {
        float e0 = x[a0 + j] - m0;
        float e1 = x[a1 + j] - m1;
        float e2 = x[a2 + j] - m2;
        float e3 = x[a3 + j] - m3;
        v0 += e0 * e0;
        v1 += e1 * e1;
        v2 += e2 * e2;
        v3 += e3 * e3;
      }
      normalize(x, a0, m0, v0, g, beta, out);
      normalize(x, a1, m1, v1, g, beta, out);
      normalize(x, a2, m2, v2, g, beta, out);
      normalize(x, a3, m3, v3, g, beta, out);
    }
    for (; b < rows; b++) {
      int at = b * d;
      float mean = 0;
      for (int j = 0; j < d; j++) {
        mean += x[at + j];
      }
      mean /= d;
      float var = 0;
      for (int j = 0; j < d; j++) {
        float e = x[at + j] - mean;
        var += e * e;
      }
      normalize(x, at, mean, var, g, beta, out);
    }
  }

  private void normalize(float[] x, int at, float mean, float sumOfSquares, float[] g, float[] beta, float[] out) {
    int d = c.dModel();
    float inv = (float) (1.0 / Math.sqrt(sumOfSquares / d + TinyGptConfig.LAYER_NORM_EPS));
    for (int j = 0; j < d; j++) {
      out[at + j] = (x[at + j] - mean) * inv * g[j] + beta[j];
    }
  }

  private static void relu(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0f, x[i]);
    }
  }
}
