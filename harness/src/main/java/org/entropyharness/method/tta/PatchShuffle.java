package org.entropyharness.method.tta;

import java.util.Random;

/**
 * DeYO's object-destroying transform: cut each image into a {@code grid × grid} array of patches and permute the
 * patches, a fresh permutation per image. Works on NHWC floats; normalisation commutes with it.
 */
final class PatchShuffle {
  private PatchShuffle() {}

  /** A random permutation of {@code grid²} patches per image. */
  static int[][] randomPermutations(Random random, int images, int grid) {
    int[][] perms = new int[images][grid * grid];
    for (int[] perm : perms) {
      for (int k = 0; k < perm.length; k++) {
        perm[k] = k;
      }
      for (int k = perm.length - 1; k > 0; k--) {
        int j = random.nextInt(k + 1);
        int t = perm[k];
        perm[k] = perm[j];
        perm[j] = t;
      }
    }
    return perms;
  }

  /**
   * Images whose patch {@code k} (row-major in the grid) is patch {@code perm[k]} of the source image.
   *
   * @param nhwc images, {@code n × side × side × channels}
   * @param perms one permutation per image
   */
  static float[] apply(float[] nhwc, int channels, int side, int grid, int[][] perms) {
    if (side % grid != 0) {
      throw new IllegalArgumentException("image side " + side + " is not a multiple of the patch grid " + grid);
    }
    int patch = side / grid;
    int run = patch * channels;
    float[] out = new float[nhwc.length];
    for (int i = 0; i < perms.length; i++) {
      for (int k = 0; k < grid * grid; k++) {
        int src = perms[i][k];
        for (int r = 0; r < patch; r++) {
          int to = ((i * side + (k / grid) * patch + r) * side + (k % grid) * patch) * channels;
          int from = ((i * side + (src / grid) * patch + r) * side + (src % grid) * patch) * channels;
          System.arraycopy(nhwc, from, out, to, run);
        }
      }
    }
    return out;
  }
}
