package org.entropyharness.run.tta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.data.stream.DirichletOrder;
import org.entropyharness.data.stream.SplitMix64;

/**
 * The stream a cell adapts through: segments of (slice, image) references, each optionally preceded by a reset.
 *
 * <ul>
 *   <li>{@code per-shift}, {@code continual}: one segment per (corruption, severity), reset before each or only
 *       before the first.
 *   <li>{@code gradual}: per corruption the severities 1, 2, 3, 4, 5, 4, 3, 2, 1, one segment each, reset only
 *       before the first (the benchmark's {@code gradual} for a single listed severity).
 *   <li>{@code mixed}: one segment holding every image of every shift.
 * </ul>
 *
 * <p>As in the benchmark's loader, each segment's generator is seeded afresh with the cell's seed: the images are
 * shuffled, then (with a Dirichlet δ) ordered by {@link DirichletOrder} on their labels.
 */
record StreamPlan(List<Segment> segments) {
  static final int[] GRADUAL = {1, 2, 3, 4, 5, 4, 3, 2, 1};

  /**
   * One stretch of the stream.
   *
   * @param resetBefore reset the method before its first batch
   * @param slice index of each item's slice
   * @param index index of each item within its slice
   * @param visit how many times this segment's shift has been seen before (gradual passes a severity twice)
   */
  record Segment(boolean resetBefore, int[] slice, int[] index, int visit) {
    int size() {
      return slice.length;
    }
  }

  /** The plan of {@code spec} over {@code slices} (named {@code corruption/severity}) for a cell's seed. */
  static StreamPlan of(StreamSpec spec, List<TtaSlice> slices, long seed) {
    List<Segment> out = new ArrayList<>();
    switch (spec.kind()) {
      case "mixed" -> out.add(order(spec, slices, allSlices(slices.size()), 0, true, seed));
      case "gradual" -> {
        Map<String, Integer> visits = new LinkedHashMap<>();
        for (int[] pass : gradual(slices)) {
          String key = slices.get(pass[0]).name();
          int visit = visits.merge(key, 1, Integer::sum) - 1;
          out.add(order(spec, slices, new int[] {pass[0]}, visit, out.isEmpty(), seed));
        }
      }
      default -> {
        for (int s = 0; s < slices.size(); s++) {
          out.add(order(spec, slices, new int[] {s}, 0, s == 0 || spec.resetPerShift(), seed));
        }
      }
    }
    return new StreamPlan(List.copyOf(out));
  }

  private static int[] allSlices(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  /** Slice indices in gradual order: per corruption (first-seen order), severities up 1→5 and down to 1. */
  private static List<int[]> gradual(List<TtaSlice> slices) {
    Map<String, Map<Integer, Integer>> byCorruption = new LinkedHashMap<>();
    for (int s = 0; s < slices.size(); s++) {
      String[] parts = slices.get(s).name().split("/");
      byCorruption.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(Integer.parseInt(parts[1]), s);
    }
    List<int[]> out = new ArrayList<>();
    byCorruption.forEach((corruption, severities) -> {
      for (int severity : GRADUAL) {
        Integer slice = severities.get(severity);
        if (slice == null) {
          throw new IllegalArgumentException("stream gradual needs severities 1-5 of " + corruption
              + "; set dataset.severities: [1, 2, 3, 4, 5]");
        }
        out.add(new int[] {slice});
      }
    });
    return out;
  }

  private static Segment order(StreamSpec spec, List<TtaSlice> slices, int[] which, int visit, boolean reset,
      long seed) {
    int total = 0;
    for (int s : which) {
      total += slices.get(s).images().count();
    }
    int[] slice = new int[total];
    int[] index = new int[total];
    int[] labels = new int[total];
    int at = 0;
    for (int s : which) {
      int[] sliceLabels = slices.get(s).images().labels();
      for (int i = 0; i < sliceLabels.length; i++, at++) {
        slice[at] = s;
        index[at] = i;
        labels[at] = sliceLabels[i];
      }
    }
    if (!spec.shuffled()) {
      return new Segment(reset, slice, index, visit);
    }
    int[] order = shuffledOrder(labels, spec, seed);
    int[] outSlice = new int[total];
    int[] outIndex = new int[total];
    for (int i = 0; i < total; i++) {
      outSlice[i] = slice[order[i]];
      outIndex[i] = index[order[i]];
    }
    return new Segment(reset, outSlice, outIndex, visit);
  }

  /** The segment's order: a seeded shuffle, then, when correlated, the Dirichlet order of the shuffled labels. */
  static int[] shuffledOrder(int[] labels, StreamSpec spec, long seed) {
    SplitMix64 random = new SplitMix64(seed);
    int[] items = java.util.stream.IntStream.range(0, labels.length).toArray();
    random.shuffle(items);
    if (!spec.correlated()) {
      return items;
    }
    int[] shuffledLabels = new int[items.length];
    for (int i = 0; i < items.length; i++) {
      shuffledLabels[i] = labels[items[i]];
    }
    int[] correlated = DirichletOrder.order(shuffledLabels, spec.dirichlet(), random);
    int[] out = new int[items.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = items[correlated[i]];
    }
    return out;
  }
}
