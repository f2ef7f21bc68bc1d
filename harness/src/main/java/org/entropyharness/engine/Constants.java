package org.entropyharness.engine;

/** Configuration parameters of the harness engine (JUnit configuration parameters or system properties). */
public final class Constants {
  private Constants() {}

  /** The engine's id, for {@code @IncludeEngines}. */
  public static final String ENGINE_ID = "entropy-harness";

  /** Which tier runs: {@code smoke} (default) or {@code nightly}; {@code all} runs both. */
  public static final String TIER = "harness.tier";

  /** Compare with a baseline even when fingerprints differ: {@code true} or {@code false} (default). */
  public static final String ALLOW_FINGERPRINT_MISMATCH = "harness.allowFingerprintMismatch";

  /** Project root holding {@code reports/} and {@code baselines/}; default the working directory. */
  public static final String ROOT = "harness.root";
}
