package org.entropyharness.suite;

import java.util.List;

/** The two families of suites that share the spine. */
public enum Family {
  /** Test-time adaptation of an image classifier to distribution shifts. */
  TTA("tta", List.of("error", "ece", "entropy")),
  /** Math reasoning with a language model under decoding and voting strategies. */
  REASONING("reasoning", List.of("accuracy", "tokens", "entropy"));

  private final String id;
  private final List<String> defaultMetrics;

  Family(String id, List<String> defaultMetrics) {
    this.id = id;
    this.defaultMetrics = defaultMetrics;
  }

  /** The name used in suite files. */
  public String id() {
    return id;
  }

  /** Metrics measured when a suite lists none. */
  public List<String> defaultMetrics() {
    return defaultMetrics;
  }

  public static Family fromId(String id) {
    for (Family f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown family '" + id + "'; allowed: tta, reasoning");
  }
}
