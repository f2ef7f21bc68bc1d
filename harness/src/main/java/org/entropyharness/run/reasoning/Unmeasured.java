package org.entropyharness.run.reasoning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why some traces (or problems) were left out of a metric, and the provenance text that says so: the label alone
 * when everything was measured, "label; k of n … not measured: why" when some were not, and "missing: why" when
 * none was.
 */
final class Unmeasured {
  private final Map<String, Integer> reasons = new LinkedHashMap<>();
  private int count;

  void add(String reason) {
    reasons.merge(reason, 1, Integer::sum);
    count++;
  }

  int count() {
    return count;
  }

  /**
   * The provenance of a value measured on {@code measured} of {@code measured + count()} things.
   *
   * @param label how the measured values were obtained, e.g. {@code top-20}, or ""
   * @param what what was counted, e.g. {@code traces}
   */
  String provenance(String label, int measured, String what) {
    if (count == 0) {
      return label;
    }
    if (measured == 0) {
      return "missing: " + summary();
    }
    String head = label.isEmpty() ? "" : label + "; ";
    return head + count + " of " + (measured + count) + " " + what + " not measured: " + summary();
  }

  /** The most frequent reason, and how many others there were. */
  String summary() {
    if (reasons.isEmpty()) {
      return "nothing to measure";
    }
    Map.Entry<String, Integer> top = reasons.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    int others = reasons.size() - 1;
    return top.getKey() + (others == 0 ? "" : " (and " + others + " other reason" + (others == 1 ? "" : "s") + ")");
  }

  /** The distinct labels joined, for a provenance; "" for none. */
  static String label(List<String> labels) {
    return String.join("/", labels.stream().distinct().toList());
  }
}
