package org.entropyharness.engine;

/** Configuration parameters of the harness engine (JUnit configuration parameters or system properties). */
public final class Constants {
  private Constants() {}

  /** The engine's id, for {@code @IncludeEngines} and the console launcher's {@code --include-engine}. */
  public static final String ENGINE_ID = "entropy-harness";

  /** Compare with a baseline even when fingerprints differ: {@code true} or {@code false} (default). */
  public static final String ALLOW_FINGERPRINT_MISMATCH = "harness.allowFingerprintMismatch";

  /**
   * A suite without a baseline file fails its gates instead of skipping them: {@code true} or {@code false}
   * (default); the engine's {@code --require-baselines}.
   */
  public static final String REQUIRE_BASELINES = "harness.requireBaselines";

  /** Project root holding {@code reports/} and {@code baselines/}; default the working directory. */
  public static final String ROOT = "harness.root";
}
