package org.entropyharness.suite;

/** When a suite runs: smoke suites in every {@code mvn verify}, nightly suites in the nightly job. */
public enum Tier {
  SMOKE,
  NIGHTLY;

  /** The name used in suite files and as a JUnit tag. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Tier fromId(String id) {
    return valueOf(id.toUpperCase(java.util.Locale.ROOT));
  }
}
