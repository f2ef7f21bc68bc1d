package org.entropyharness.method.tta;

import java.util.ArrayList;
import java.util.List;

/**
 * RoTTA's category-balanced sampling with timeliness and uncertainty (CSTU): a memory of {@code capacity} test
 * images, at most {@code capacity / classes} per pseudo-label while others have room. A new image scores
 * {@code λ_t / (1 + exp(−age / capacity)) + λ_u · H / ln C} with age 0; it enters when its class has room and the
 * memory is not full, or by evicting the highest-scoring item (ties: the later) of its own class, when that class
 * is full, or else of the most occupied classes, provided that item scores higher. Every stored item ages by one
 * with each image offered.
 */
final class BalancedMemory {
  /** One stored image. */
  static final class Item {
    final float[] image;
    final double uncertainty;
    int age;

    Item(float[] image, double uncertainty) {
      this.image = image;
      this.uncertainty = uncertainty;
    }
  }

  private final int capacity;
  private final int classes;
  private final double perClass;
  private final double lambdaT;
  private final double lambdaU;
  private final List<List<Item>> byClass = new ArrayList<>();

  BalancedMemory(int capacity, int classes, double lambdaT, double lambdaU) {
    this.capacity = capacity;
    this.classes = classes;
    this.perClass = (double) capacity / classes;
    this.lambdaT = lambdaT;
    this.lambdaU = lambdaU;
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
  }

  /** Offers one image with its pseudo-label and uncertainty (entropy). */
  void add(float[] image, int label, double uncertainty) {
    if (makeRoom(label, score(0, uncertainty))) {
      byClass.get(label).add(new Item(image, uncertainty));
    }
    for (List<Item> items : byClass) {
      for (Item item : items) {
        item.age++;
      }
    }
  }

  private boolean makeRoom(int label, double newScore) {
    if (byClass.get(label).size() < perClass) {
      if (occupancy() < capacity) {
        return true;
      }
      return evict(majorityClasses(), newScore);
    }
    return evict(List.of(label), newScore);
  }

  private boolean evict(List<Integer> from, double newScore) {
    int bestClass = -1;
    int bestIndex = -1;
    double best = Double.NaN;
    for (int c : from) {
      List<Item> items = byClass.get(c);
      for (int i = 0; i < items.size(); i++) {
        double s = score(items.get(i).age, items.get(i).uncertainty);
        if (bestClass < 0 || s >= best) {
          best = s;
          bestClass = c;
          bestIndex = i;
        }
      }
    }
    if (bestClass < 0) {
      return true;
    }
    if (best > newScore) {
      byClass.get(bestClass).remove(bestIndex);
      return true;
    }
    return false;
  }

  private List<Integer> majorityClasses() {
    int max = 0;
    for (List<Item> items : byClass) {
      max = Math.max(max, items.size());
    }
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      if (byClass.get(c).size() == max) {
        out.add(c);
      }
    }
    return out;
  }

  private double score(int age, double uncertainty) {
    return lambdaT / (1 + Math.exp(-(double) age / capacity)) + lambdaU * uncertainty / Math.log(classes);
  }

  int occupancy() {
    int n = 0;
    for (List<Item> items : byClass) {
      n += items.size();
    }
    return n;
  }

  /** Every stored item, class by class in insertion order (the order the reference's get_memory returns). */
  List<Item> items() {
    List<Item> out = new ArrayList<>();
    byClass.forEach(out::addAll);
    return out;
  }

  /** Items per class, for tests. */
  int[] perClassCounts() {
    return byClass.stream().mapToInt(List::size).toArray();
  }
}
