package org.entropyharness.lm.embedded;

/**
 * Keys and values of one sequence, per layer, for every position computed so far; lets decoding compute only the
 * newest token.
 */
final class KvCache {
  final float[][] keys;
  final float[][] values;
  private int length;

  KvCache(TinyGptConfig config) {
    keys = new float[config.layers()][config.maxLength() * config.dModel()];
    values = new float[config.layers()][config.maxLength() * config.dModel()];
  }

  private KvCache(KvCache other) {
    keys = new float[other.keys.length][];
    values = new float[other.values.length][];
    for (int l = 0; l < keys.length; l++) {
      keys[l] = other.keys[l].clone();
      values[l] = other.values[l].clone();
    }
    length = other.length;
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
