package org.entropyharness.data.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.entropyharness.data.ImageBatch;

/**
 * Applies a {@link Corruption} at a severity to every image of a batch. Deterministic: image {@code i} draws from its
 * own generator seeded by (seed, corruption, severity, i), so the bytes do not depend on how many threads run the
 * parallel loop (it runs in the caller's ForkJoinPool, or the common pool).
 */
public final class Corruptions {
  private Corruptions() {}

  /**
   * The corrupted copy of {@code in}; item ids become {@code <corruption>/<severity>/<original id>}.
   *
   * @throws IllegalArgumentException if the images are not 32×32 (the parameter tables are CIFAR's) or the severity is
   *     outside 1..5
   */
  public static ImageBatch apply(ImageBatch in, Corruption corruption, int severity, long seed) {
    Corruption.checkSeverity(severity);
    if (in.height() != Planes.SIDE || in.width() != Planes.SIDE) {
      throw new IllegalArgumentException("corruptions need 32x32 images (the CIFAR-10-C parameter tables), got "
          + in.height() + "x" + in.width() + "; resize the images first");
    }
    int n = in.count();
    int bytes = in.imageBytes();
    byte[] out = new byte[in.pixels().length];
    IntStream.range(0, n).parallel().forEach(i -> {
      SplittableRandom rng = new SplittableRandom(imageSeed(seed, corruption, severity, i));
      Planes x = Planes.of(in.pixels(), i * bytes, 255.0);
      corruption.op().apply(x, severity, rng, out, i * bytes);
    });
    List<String> ids = new ArrayList<>(n);
    String prefix = corruption.id() + "/" + severity + "/";
    for (String id : in.ids()) {
      ids.add(prefix + id);
    }
    return new ImageBatch(in.height(), in.width(), out, in.labels().clone(), ids);
  }

  /** The seed of image {@code index}'s generator: SplitMix64 finalisers chained over the four parts. */
  static long imageSeed(long seed, Corruption corruption, int severity, int index) {
    long h = mix(seed ^ 0x5DEECE66DL);
    h = mix(h + corruption.ordinal() * 0x9E3779B97F4A7C15L);
    h = mix(h + severity * 0xBF58476D1CE4E5B9L);
    return mix(h + index * 0x94D049BB133111EBL);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
