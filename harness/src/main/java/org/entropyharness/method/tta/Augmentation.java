package org.entropyharness.method.tta;

import org.entropyharness.data.stream.SplitMix64;

/** Where a teacher-student method's augmentations come from; tests give the identity to compare with PyTorch. */
interface Augmentation {
  /** An augmented copy of {@code n} images of {@code size × size} in [0, 1], NCHW. */
  float[] apply(float[] images, int n, int size);

  /** Starts the random sequence over (a reset method draws the same augmentations again). */
  void restart();

  /** CoTTA's augmentations on a SplitMix64 stream seeded with {@code seed}. */
  static Augmentation cotta(long seed) {
    return new Augmentation() {
      private CottaAugment augment = new CottaAugment(new SplitMix64(seed));

      @Override
      public float[] apply(float[] images, int n, int size) {
        return augment.apply(images, n, size);
      }

      @Override
      public void restart() {
        augment = new CottaAugment(new SplitMix64(seed));
      }
    };
  }

  /** No augmentation. */
  static Augmentation identity() {
    return new Augmentation() {
      @Override
      public float[] apply(float[] images, int n, int size) {
        return images.clone();
      }

      @Override
      public void restart() {}
    };
  }
}
