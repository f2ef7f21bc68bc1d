package org.entropyharness.lm.embedded;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The embedded transformer's forward pass on plain float arrays: a batched single-token decode step over KV caches
 * (the fast path), and a full recomputation over a whole sequence (the reference the cache is tested against).
 */
public final class JavaTransformer {
  private static final int PARALLELISM = Math.min(Runtime.getRuntime().availableProcessors(),
      ForkJoinPool.getCommonPoolParallelism() + 1);
  private final TinyGptConfig c;
  private final float[] tokEmb;
  private final float[] posEmb;
  private final Layer[] layers;
  private final float[] lnfG;
  private final float[] lnfB;
  /** The output projection with zero columns up to {@link #headWidth}, so its rows fill whole SIMD vectors. */
  private final float[] headW;
  private final float[] headB;
  private final int headWidth;

  /** One block's weights. */
  private record Layer(
      float[] ln1G, float[] ln1B, float[] qkvW, float[] qkvB, float[] projW, float[] projB,
      float[] ln2G, float[] ln2B, float[] fc1W, float[] fc1B, float[] fc2W, float[] fc2B) {}

  /** The forward pass of these weights (arrays are shared, not copied). */
  public JavaTransformer(WeightsFile w) {
    c = w.config();
    tokEmb = w.tensor("tok_emb");
    posEmb = w.tensor("pos_emb");
    layers = new Layer[c.layers()];
    for (int l = 0; l < layers.length; l++) {
      String p = "h" + l + ".";
      layers[l] = new Layer(w.tensor(p + "ln1.g"), w.tensor(p + "ln1.b"), w.tensor(p + "qkv.w"), w.tensor(p + "qkv.b"),
          w.tensor(p + "proj.w"), w.tensor(p + "proj.b"), w.tensor(p + "ln2.g"), w.tensor(p + "ln2.b"),
          w.tensor(p + "fc1.w"), w.tensor(p + "fc1.b"), w.tensor(p + "fc2.w"), w.tensor(p + "fc2.b"));
    }
    lnfG = w.tensor("lnf.g");
    lnfB = w.tensor("lnf.b");
    headWidth = (c.vocabularySize() + 15) / 16 * 16;
    headW = padColumns(w.tensor("head.w"), c.dModel(), c.vocabularySize(), headWidth);
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
    int split = PARALLELISM < 2 ? 0 : splitPoint(rows);
    if (split == 0) {
      stepRows(tokens, caches, 0, rows, logits);
      return;
    }
    ForkJoinTask<?> second = ForkJoinTask.adapt(() -> stepRows(tokens, caches, split, rows, logits)).fork();
    try {
      stepRows(tokens, caches, 0, split, logits);
    } finally {
      second.join();
    }
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
    for (int l = 0; l < layers.length; l++) {
      Layer w = layers[l];
      layerNorm(x, rows, w.ln1G, w.ln1B, h);
      matmul(h, rows, d, w.qkvW, w.qkvB, 3 * d, qkv);
      for (int b = 0; b < rows; b++) {
        KvCache cache = caches[from + b];
        int pos = cache.length();
        System.arraycopy(qkv, b * 3 * d + d, cache.keys[l], pos * d, d);
        System.arraycopy(qkv, b * 3 * d + 2 * d, cache.values[l], pos * d, d);
        attend(qkv, b * 3 * d, cache.keys[l], cache.values[l], pos + 1, att, b * d);
      }
      finishBlock(w, att, rows, x, h, ff);
    }
    layerNorm(x, rows, lnfG, lnfB, h);
    int vocabulary = c.vocabularySize();
    float[] out = new float[rows * headWidth];
    matmul(h, rows, d, headW, headB, headWidth, out);
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
    for (Layer w : layers) {
      layerNorm(x, n, w.ln1G, w.ln1B, h);
      matmul(h, n, d, w.qkvW, w.qkvB, 3 * d, qkv);
      float[] keys = new float[n * d];
      float[] values = new float[n * d];
      for (int t = 0; t < n; t++) {
        System.arraycopy(qkv, t * 3 * d + d, keys, t * d, d);
        System.arraycopy(qkv, t * 3 * d + 2 * d, values, t * d, d);
      }
      for (int t = 0; t < n; t++) {
        attend(qkv, t * 3 * d, keys, values, t + 1, att, t * d);
      }
      finishBlock(w, att, n, x, h, ff);
    }
    layerNorm(x, n, lnfG, lnfB, h);
    float[] flat = new float[n * headWidth];
    matmul(h, n, d, headW, headB, headWidth, flat);
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
    matmulAdd(att, rows, d, w.projW, w.projB, d, x);
    layerNorm(x, rows, w.ln2G, w.ln2B, h);
    matmul(h, rows, d, w.fc1W, w.fc1B, c.ffDim(), ff);
    relu(ff);
    matmulAdd(ff, rows, c.ffDim(), w.fc2W, w.fc2B, d, x);
  }

  /** Causal attention of one query (at {@code qkv[qAt..]}) over the first {@code length} cached positions. */
  private void attend(float[] qkv, int qAt, float[] keys, float[] values, int length, float[] out, int outAt) {
    int d = c.dModel();
    int dh = c.headDim();
    float scale = (float) (1.0 / Math.sqrt(dh));
    float[] scores = new float[length];
    for (int head = 0; head < c.heads(); head++) {
      int off = head * dh;
      float max = Float.NEGATIVE_INFINITY;
      for (int t = 0; t < length; t++) {
        float s = 0;
        for (int k = 0; k < dh; k++) {
          s += qkv[qAt + off + k] * keys[t * d + off + k];
        }
        scores[t] = s * scale;
        max = Math.max(max, scores[t]);
      }
      float sum = 0;
      for (int t = 0; t < length; t++) {
        scores[t] = (float) Math.exp(scores[t] - max);
        sum += scores[t];
      }
      for (int t = 0; t < length; t++) {
        scores[t] /= sum;
      }
      RowKernels.weightedSum(scores, length, values, d, off, dh, out, outAt + off);
    }
  }

  /** {@code out[rows, m] = in[rows, n] · w[n, m] + bias}; the weight row stays in cache across the batch rows. */
  static void matmul(float[] in, int rows, int n, float[] w, float[] bias, int m, float[] out) {
    for (int b = 0; b < rows; b++) {
      System.arraycopy(bias, 0, out, b * m, m);
    }
    RowKernels.accumulate(in, rows, n, w, m, out);
  }

  /** {@code out += in · w + bias} (the residual connection). */
  static void matmulAdd(float[] in, int rows, int n, float[] w, float[] bias, int m, float[] out) {
    for (int b = 0; b < rows; b++) {
      for (int j = 0; j < m; j++) {
        out[b * m + j] += bias[j];
      }
    }
    RowKernels.accumulate(in, rows, n, w, m, out);
  }

  private void layerNorm(float[] x, int rows, float[] g, float[] beta, float[] out) {
    int d = c.dModel();
    for (int b = 0; b < rows; b++) {
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
      float inv = (float) (1.0 / Math.sqrt(var / d + TinyGptConfig.LAYER_NORM_EPS));
      for (int j = 0; j < d; j++) {
        out[at + j] = (x[at + j] - mean) * inv * g[j] + beta[j];
      }
    }
  }

  private static void relu(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0f, x[i]);
    }
  }
}
