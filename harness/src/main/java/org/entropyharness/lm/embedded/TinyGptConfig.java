package org.entropyharness.lm.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shape of the embedded decoder-only transformer: pre-LayerNorm blocks of causal multi-head attention and a ReLU
 * MLP, learned token and position embeddings, and an untied output projection.
 *
 * @param vocabularySize number of tokens
 * @param dModel width of the residual stream
 * @param heads attention heads (dModel must divide evenly)
 * @param layers transformer blocks
 * @param ffDim hidden width of each MLP
 * @param maxLength longest sequence (prompt + completion) the position table covers
 */
public record TinyGptConfig(int vocabularySize, int dModel, int heads, int layers, int ffDim, int maxLength) {
  /** Epsilon of every layer norm, the same in training (DJL) and inference (plain Java). */
  public static final float LAYER_NORM_EPS = 1e-5f;

  public TinyGptConfig {
    if (vocabularySize <= 0 || dModel <= 0 || heads <= 0 || layers <= 0 || ffDim <= 0 || maxLength <= 0) {
      throw new IllegalArgumentException("every dimension of the model must be positive: " + this);
    }
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("dModel " + dModel + " is not a multiple of heads " + heads);
    }
  }

  public int headDim() {
    return dModel / heads;
  }

  /**
   * Every parameter's name and shape, in file order. Linear weights are stored input-major ({@code [in, out]}) so
   * that {@code y = x · W + b}.
   */
  public Map<String, int[]> parameterShapes() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("tok_emb", new int[] {vocabularySize, dModel});
    shapes.put("pos_emb", new int[] {maxLength, dModel});
    for (int l = 0; l < layers; l++) {
      String p = "h" + l + ".";
      shapes.put(p + "ln1.g", new int[] {dModel});
      shapes.put(p + "ln1.b", new int[] {dModel});
      shapes.put(p + "qkv.w", new int[] {dModel, 3 * dModel});
      shapes.put(p + "qkv.b", new int[] {3 * dModel});
      shapes.put(p + "proj.w", new int[] {dModel, dModel});
      shapes.put(p + "proj.b", new int[] {dModel});
      shapes.put(p + "ln2.g", new int[] {dModel});
      shapes.put(p + "ln2.b", new int[] {dModel});
      shapes.put(p + "fc1.w", new int[] {dModel, ffDim});
      shapes.put(p + "fc1.b", new int[] {ffDim});
      shapes.put(p + "fc2.w", new int[] {ffDim, dModel});
      shapes.put(p + "fc2.b", new int[] {dModel});
    }
    shapes.put("lnf.g", new int[] {dModel});
    shapes.put("lnf.b", new int[] {dModel});
    shapes.put("head.w", new int[] {dModel, vocabularySize});
    shapes.put("head.b", new int[] {vocabularySize});
    return shapes;
  }

  /** The config as {@code key=value} lines, the header of a weights file. */
  String toHeader() {
    return "vocab=" + vocabularySize + "\nd_model=" + dModel + "\nheads=" + heads + "\nlayers=" + layers
        + "\nff_dim=" + ffDim + "\nmax_length=" + maxLength + "\n";
  }

  static TinyGptConfig fromHeader(Map<String, String> header) {
    return new TinyGptConfig(
        intOf(header, "vocab"),
        intOf(header, "d_model"),
        intOf(header, "heads"),
        intOf(header, "layers"),
        intOf(header, "ff_dim"),
        intOf(header, "max_length"));
  }

  private static int intOf(Map<String, String> header, String key) {
    String value = header.get(key);
    if (value == null) {
      throw new IllegalArgumentException("weights header has no '" + key + "'; the file is not an arith-tiny model");
    }
    return org.entropyharness.guard.ExactNumbers.parseLong(value.trim())
        .filter(v -> v >= 0 && v <= 1 << 20)
        .map(Long::intValue)
        .orElseThrow(() -> new IllegalArgumentException("weights header '" + key + "=" + value.strip()
            + "' is not a whole number from 0 to 1048576"));
  }
}
