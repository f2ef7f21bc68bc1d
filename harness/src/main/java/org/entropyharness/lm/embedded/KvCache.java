package org.entropyharness.lm.embedded;

/**
 * Keys and values of one sequence, per layer, for every position computed so far; lets decoding compute only the
 * newest token. Keys are stored transposed, {@code keys[l][j·keyStride + t]}, so a query's scores over positions are
 * whole SIMD vectors; values by position, {@code values[l][t·dModel + j]}.
 */
final class KvCache {
  final float[][] keys;
  final float[][] values;
  /** Positions per key row: the model's max length rounded up to whole SIMD vectors. */
  final int keyStride;
  private int length;

  KvCache(TinyGptConfig config) {
    keyStride = RowKernels.paddedLength(config.maxLength());
    keys = new float[config.layers()][config.dModel() * keyStride];
    values = new float[config.layers()][config.maxLength() * config.dModel()];
  }

  /** A copy of the positions {@code other} has filled. */
  private KvCache(KvCache other) {
    keyStride = other.keyStride;
    length = other.length;
    keys = new float[other.keys.length][other.keys[0].length];
    values = new float[other.values.length][other.values[0].length];
    int d = other.keys[0].length / keyStride;
    for (int l = 0; l < keys.length; l++) {
      for (int j = 0; j < d; j++) {
        System.arraycopy(other.keys[l], j * keyStride, keys[l], j * keyStride, length);
      }
      System.arraycopy(other.values[l], 0, values[l], 0, length * d);
    }
  }

  /** Positions filled so far: the position of the next token. */
  int length() {
    return length;
  }

  void advance() {
    length++;
  }

  KvCache copy() {
    return new KvCache(this);
  }
}
