package org.entropyharness.data.math;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What to do with a dataset's unit field (OlympiadBench's {@code unit}). */
public enum UnitPolicy {
  /** Append the unit to each reference answer as text ({@code 5} and {@code m/s} give {@code 5 \text{ m/s}}). */
  APPEND("append"),
  /** Leave the unit out of the reference. */
  IGNORE("ignore");

  private final String id;

  UnitPolicy(String id) {
    this.id = id;
  }

  /** The id used in suite files. */
  public String id() {
    return id;
  }

  /** The policy with this id; the message lists the allowed ids. */
  public static UnitPolicy fromId(String id) {
    for (UnitPolicy p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown unit policy '" + id + "'; allowed: "
        + Arrays.stream(values()).map(UnitPolicy::id).collect(Collectors.joining(", ")));
  }

  /** The reference answer with the unit applied; {@code unit} may be null or blank. */
  public String apply(String answer, String unit) {
    if (this == IGNORE || unit == null || unit.isBlank()) {
      return answer;
    }
    return answer + " \\text{ " + unit.strip().replace("$", "") + "}";
  }
}
