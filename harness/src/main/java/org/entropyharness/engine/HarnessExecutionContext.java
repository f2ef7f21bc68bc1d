package org.entropyharness.engine;

import java.nio.file.Path;
import org.entropyharness.run.HarnessPaths;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node of a harness test tree can reach: configuration, the listener, and its suite's run state. */
final class HarnessExecutionContext implements EngineExecutionContext {
  private final ConfigurationParameters config;
  private final EngineExecutionListener listener;
  private final SuiteRunState suite;

  HarnessExecutionContext(ConfigurationParameters config, EngineExecutionListener listener) {
    this(config, listener, null);
  }

  private HarnessExecutionContext(ConfigurationParameters config, EngineExecutionListener listener, SuiteRunState suite) {
    this.config = config;
    this.listener = listener;
    this.suite = suite;
  }

  HarnessExecutionContext withSuite(SuiteRunState state) {
    return new HarnessExecutionContext(config, listener, state);
  }

  SuiteRunState suite() {
    return suite;
  }

  EngineExecutionListener listener() {
    return listener;
  }

  boolean allowFingerprintMismatch() {
    return config.getBoolean(Constants.ALLOW_FINGERPRINT_MISMATCH).orElse(false);
  }

  HarnessPaths paths() {
    return config.get(Constants.ROOT).map(r -> new HarnessPaths(Path.of(r).toAbsolutePath().normalize()))
        .orElseGet(HarnessPaths::fromEnvironment);
  }
}
