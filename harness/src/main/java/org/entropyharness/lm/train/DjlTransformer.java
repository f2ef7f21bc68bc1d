package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.TinyGptConfig;
import org.entropyharness.lm.embedded.WeightsFile;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded transformer written with DJL NDArray operations, so that autograd can train it (and so that the
 * hand-written inference can be compared with libtorch on the same forward pass).
 */
public final class DjlTransformer {

  private final TinyGptConfig config;
  private final Map<String, NDArray> params;

  /** Wraps parameter arrays named and shaped as {@link TinyGptConfig#parameterShapes()}. */
  public DjlTransformer(TinyGptConfig config, Map<String, NDArray> params) {
    this.config = config;
    this.params = new LinkedHashMap<>(params);
  }

  /** Copies the weights of a file into arrays owned by {@code manager}. */
  public static DjlTransformer of(WeightsFile weights, NDManager manager) {
    Map<String, NDArray> params = new LinkedHashMap<>();
    weights.config().parameterShapes()
        .forEach((name, shape) -> params.put(name, manager.create(weights.tensor(name), shapeOf(shape))));
    return new DjlTransformer(weights.config(), params);
  }

  public Map<String, NDArray> parameters() {
    return params;
  }

  public TinyGptConfig config() {
    return config;
  }

  /**
   * Logits {@code [batch, time, vocabulary]} for int token ids {@code [batch, time]}. Parameters should be
   * temporarily attached to the tokens' manager so that every intermediate array is freed with it.
   */
  public NDArray forward(NDArray tokens) {
    long t = tokens.getShape().get(1);
    NDArray x = tokens.oneHot(config.vocabularySize(), DataType.FLOAT32).matMul(params.get("tok_emb"));
    x = x.add(params.get("pos_emb").get(new NDIndex("0:" + t)));
    NDArray mask = causalMask(tokens.getManager(), t);
    for (int l = 0; l < config.layers(); l++) {
      String p = "h" + l + ".";
      x = x.add(attention(layerNorm(x, p + "ln1"), p, mask));
      NDArray h = linear(layerNorm(x, p + "ln2"), p + "fc1").maximum(0f);
      x = x.add(linear(h, p + "fc2"));
    }
    return linear(layerNorm(x, "lnf"), "head");
  }

  private NDArray attention(NDArray x, String p, NDArray mask) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int h = config.heads();
    int dh = config.headDim();
    NDArray qkv = linear(x, p + "qkv").reshape(b, t, 3, h, dh).transpose(2, 0, 3, 1, 4);
    NDArray q = qkv.get(0);
    NDArray k = qkv.get(1);
    NDArray v = qkv.get(2);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0f / (float) Math.sqrt(dh)).add(mask);
    NDArray out = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, config.dModel());
    return linear(out, p + "proj");
  }

  private NDArray linear(NDArray x, String name) {
    return x.matMul(params.get(name + ".w")).add(params.get(name + ".b"));
  }

  private NDArray layerNorm(NDArray x, String name) {
    return LayerNorm.layerNorm(
            x, new Shape(config.dModel()), params.get(name + ".g"), params.get(name + ".b"), TinyGptConfig.LAYER_NORM_EPS)
        .singletonOrThrow();
  }

  private static NDArray causalMask(NDManager manager, long t) {
    float[] mask = new float[(int) (t * t)];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        mask[(int) (i * t + j)] = -1e9f;
      }
    }
    return manager.create(mask, new Shape(t, t));
  }

  static Shape shapeOf(int[] dims) {
    long[] d = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      d[i] = dims[i];
    }
    return new Shape(d);
  }
}
