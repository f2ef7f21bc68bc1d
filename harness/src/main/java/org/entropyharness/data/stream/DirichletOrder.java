package org.entropyharness.data.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Temporally correlated labels by a Dirichlet process, the sampling of the public TTA benchmark's
 * {@code sort_by_dirichlet} (mariodoebler/test-time-adaptation, {@code classification/datasets/data_loading.py},
 * after NOTE, Gong et al. 2022): the stream is cut into as many chunks as there are classes; each class's items, in
 * a shuffled order, are split over the chunks by Dirichlet(δ) proportions (a chunk that already holds N / K items
 * gets no more), redrawn until every chunk holds at least 10 items; then chunk after chunk, its classes in a
 * shuffled order. Small δ gives long runs of one class; large δ approaches a uniform shuffle.
 */
public final class DirichletOrder {
  /** The benchmark's {@code min_size_thresh}: every chunk must hold at least this many items. */
  static final int MIN_CHUNK = 10;
  /** Draws before giving up (the benchmark gives up after 120 s). */
  static final int MAX_ATTEMPTS = 10_000;

  private DirichletOrder() {}

  /**
   * The order in which to present items whose labels are {@code labels}: a permutation of
   * {@code 0 … labels.length − 1}.
   *
   * @param delta the concentration δ &gt; 0
   * @throws IllegalArgumentException when no draw in {@link #MAX_ATTEMPTS} gives every chunk {@link #MIN_CHUNK} items
   */
  public static int[] order(int[] labels, double delta, SplitMix64 random) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("dirichlet concentration must be a positive number, found " + delta);
    }
    int classes = 0;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      List<List<int[]>> chunks = draw(labels, classes, delta, random);
      if (chunks != null) {
        return sequence(chunks, labels.length, classes, random);
      }
    }
    throw new IllegalArgumentException("could not correlate " + labels.length + " labels with dirichlet " + delta
        + " so that each of " + classes + " chunks holds " + MIN_CHUNK + " items; use a larger dirichlet value or "
        + "more images");
  }

  /** One draw: per chunk, per class, the items it receives; null when a chunk ends below {@link #MIN_CHUNK}. */
  private static List<List<int[]>> draw(int[] labels, int classes, double delta, SplitMix64 random) {
    int n = labels.length;
    int[] sizes = new int[classes];
    List<List<int[]>> chunks = new ArrayList<>();
    for (int j = 0; j < classes; j++) {
      chunks.add(new ArrayList<>());
    }
    for (int k = 0; k < classes; k++) {
      int[] items = itemsOf(labels, k);
      random.shuffle(items);
      double[] p = random.nextDirichlet(delta, classes);
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        p[j] = sizes[j] < (double) n / classes ? p[j] : 0;
        sum += p[j];
      }
      double cumulative = 0;
      int from = 0;
      for (int j = 0; j < classes; j++) {
        cumulative += p[j] / sum;
        int to = j == classes - 1 ? items.length : (int) (cumulative * items.length);
        to = Math.max(from, Math.min(items.length, to));
        chunks.get(j).add(java.util.Arrays.copyOfRange(items, from, to));
        sizes[j] += to - from;
        from = to;
      }
    }
    for (int size : sizes) {
      if (size < MIN_CHUNK) {
        return null;
      }
    }
    return chunks;
  }

  private static int[] itemsOf(int[] labels, int label) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
  }

  private static int[] sequence(List<List<int[]>> chunks, int n, int classes, SplitMix64 random) {
    int[] out = new int[n];
    int at = 0;
    for (List<int[]> chunk : chunks) {
      int[] classOrder = java.util.stream.IntStream.range(0, classes).toArray();
      random.shuffle(classOrder);
      for (int c : classOrder) {
        for (int item : chunk.get(c)) {
          out[at++] = item;
        }
      }
    }
    return out;
  }
}
