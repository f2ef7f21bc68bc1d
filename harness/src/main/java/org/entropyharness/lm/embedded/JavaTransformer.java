package org.entropyharness.lm.embedded;

/**
 * The embedded transformer's forward pass on plain float arrays: a batched single-token decode step over KV caches
 * (the fast path), and a full recomputation over a whole sequence (the reference the cache is tested against).
 */
public final class JavaTransformer {
  private final TinyGptConfig c;
  private final float[] tokEmb;
  private final float[] posEmb;
  private final Layer[] layers;
  private final float[] lnfG;
  private final float[] lnfB;
  /** The output projection with zero columns up to {@link #headWidth}, so its rows fill whole SIMD vectors. */
  private final Matrix headW;
  private final float[] headB;
  private final int headWidth;

  /** One block's weights. */
  private record Layer(
      float[] ln1G, float[] ln1B, Matrix qkvW, float[] qkvB, Matrix projW, float[] projB,
      float[] ln2G, float[] ln2B, Matrix fc1W, float[] fc1B, Matrix fc2W, float[] fc2B) {}

  /** Work on rows {@code [from, to)} of a step once their logits are written, on the thread that computed them. */
  interface RowsDone {
    void accept(int from, int to);
  }

  /** The forward pass of these weights (arrays are shared, not copied). */
  public JavaTransformer(WeightsFile w) {
    c = w.config();
    tokEmb = w.tensor("tok_emb");
    posEmb = w.tensor("pos_emb");
    layers = new Layer[c.layers()];
    int d = c.dModel();
    for (int l = 0; l < layers.length; l++) {
      String p = "h" + l + ".";
      layers[l] = new Layer(w.tensor(p + "ln1.g"), w.tensor(p + "ln1.b"), Matrix.of(w.tensor(p + "qkv.w"), d, 3 * d),
          w.tensor(p + "qkv.b"), Matrix.of(w.tensor(p + "proj.w"), d, d), w.tensor(p + "proj.b"),
          w.tensor(p + "ln2.g"), w.tensor(p + "ln2.b"), Matrix.of(w.tensor(p + "fc1.w"), d, c.ffDim()),
          w.tensor(p + "fc1.b"), Matrix.of(w.tensor(p + "fc2.w"), c.ffDim(), d), w.tensor(p + "fc2.b"));
    }
    lnfG = w.tensor("lnf.g");
    lnfB = w.tensor("lnf.b");
    headWidth = (c.vocabularySize() + 15) / 16 * 16;
    headW = Matrix.of(padColumns(w.tensor("head.w"), d, c.vocabularySize(), headWidth), d, headWidth);
    headB = padColumns(w.tensor("head.b"), 1, c.vocabularySize(), headWidth);
  }

  public TinyGptConfig config() {
    return c;
  }

  /**
   * Feeds {@code tokens[b]} to sequence {@code b} at its cache's next position, for {@code rows} sequences at once;
   * writes next-token logits {@code [rows, vocabulary]} and advances each cache. Rows never mix, so a batch is cut
   * in two and the halves run on two cores (the second in the common fork-join pool, or here if no worker takes it);
   * each row's arithmetic is the same in either half.
   */
  void step(int[] tokens, KvCache[] caches, int rows, float[] logits) {
    step(tokens, caches, rows, logits, (from, to) -> {});
  }

  /**
   * As {@link #step(int[], KvCache[], int, float[])}, then {@code then} on each half's rows in the thread that
   * computed them, so per-row work after the logits (sampling) runs on both cores too.
   */
  void step(int[] tokens, KvCache[] caches, int rows, float[] logits, RowsDone then) {
    int split = splitPoint(rows);
    if (split == 0) {
      stepRows(tokens, caches, 0, rows, logits);
      then.accept(0, rows);
      return;
    }
    SecondCore.runBoth(() -> {
      stepRows(tokens, caches, 0, split, logits);
      then.accept(0, split);
    }, () -> {
      stepRows(tokens, caches, split, rows, logits);
      then.accept(split, rows);
    });
  }

  /** Where to cut a batch of {@code rows} (0: not at all); halves in multiples of 4 rows when there are enough. */
  static int splitPoint(int rows) {
    if (rows < 2) {
      return 0;
    }
    int half = (rows + 1) / 2;
    int four = (half + 3) / 4 * 4;
    return four < rows ? four : half;
  }

  private void stepRows(int[] tokens, KvCache[] caches, int from, int to, float[] logits) {
    int d = c.dModel();
    int rows = to - from;
    float[] x = new float[rows * d];
    for (int b = 0; b < rows; b++) {
      int pos = caches[from + b].length();
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
      matmul(h, rows, w.qkvW, w.qkvB, qkv);
      for (int b = 0; b < rows; b++) {
        KvCache cache = caches[from + b];
        int pos = cache.length();
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
    matmul(h, rows, headW, headB, out);
    for (int b = 0; b < rows; b++) {
      System.arraycopy(out, b * headWidth, logits, (from + b) * vocabulary, vocabulary);
    }
    for (int b = from; b < to; b++) {
      caches[b].advance();
    }
  }

  /** Logits {@code [tokens.length][vocabulary]} by recomputing the whole sequence, with no cache. */
  public float[][] fullLogits(int[] tokens) {
    int n = tokens.length;
    int d = c.dModel();
    float[] x = new float[n * d];
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < d; j++) {
        x[t * d + j] = tokEmb[tokens[t] * d + j] + posEmb[t * d + j];
      }
    }
    float[] h = new float[n * d];
    float[] qkv = new float[n * 3 * d];
    float[] att = new float[n * d];
    float[] ff = new float[n * c.ffDim()];
    int keyStride = RowKernels.paddedLength(n);
    float[] scores = new float[c.heads() * keyStride];
    for (Layer w : layers) {
      layerNorm(x, n, w.ln1G, w.ln1B, h);
      matmul(h, n, w.qkvW, w.qkvB, qkv);
      float[] keys = new float[d * keyStride];
      float[] values = new float[n * d];
      for (int t = 0; t < n; t++) {
        for (int j = 0; j < d; j++) {
          keys[j * keyStride + t] = qkv[t * 3 * d + d + j];
        }
        System.arraycopy(qkv, t * 3 * d + 2 * d, values, t * d, d);
      }
      for (int t = 0; t < n; t++) {
        attend(qkv, t * 3 * d, keys, keyStride, values, t + 1, scores, att, t * d);
      }
      finishBlock(w, att, n, x, h, ff);
    }
    layerNorm(x, n, lnfG, lnfB, h);
    float[] flat = new float[n * headWidth];
    matmul(h, n, headW, headB, flat);
    float[][] out = new float[n][];
    for (int t = 0; t < n; t++) {
      out[t] = java.util.Arrays.copyOfRange(flat, t * headWidth, t * headWidth + c.vocabularySize());
    }
    return out;
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
    matmulAdd(att, rows, w.projW, w.projB, x);
    layerNorm(x, rows, w.ln2G, w.ln2B, h);
    matmul(h, rows, w.fc1W, w.fc1B, ff);
    relu(ff);
    matmulAdd(ff, rows, w.fc2W, w.fc2B, x);
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
      float max = RowKernels.max(scores, p, length);
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

  /** {@code out[rows, m] = in[rows, n] · w[n, m] + bias}; the weight row stays in cache across the batch rows. */
  static void matmul(float[] in, int rows, Matrix w, float[] bias, float[] out) {
    int m = w.outputs();
    for (int b = 0; b < rows; b++) {
      System.arraycopy(bias, 0, out, b * m, m);
    }
    RowKernels.accumulate(in, rows, w, out);
  }

  /** {@code out += in · w + bias} (the residual connection). */
  static void matmulAdd(float[] in, int rows, Matrix w, float[] bias, float[] out) {
    int m = w.outputs();
    for (int b = 0; b < rows; b++) {
      for (int j = 0; j < m; j++) {
        out[b * m + j] += bias[j];
      }
    }
    RowKernels.accumulate(in, rows, w, out);
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
