package org.entropyharness.data.corrupt;

import java.util.SplittableRandom;

/** One corruption of one 32×32 RGB image: reads {@code in}, writes the uint8 result into {@code out}. */
@FunctionalInterface
interface ImageOp {
  void apply(Planes in, int severity, SplittableRandom rng, byte[] out, int outOffset);
}
