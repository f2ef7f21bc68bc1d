package org.entropyharness.engine;

import java.nio.file.Path;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.SuiteSession;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node of a harness test tree can reach: the session options, the listener, and its suite's session. */
final class HarnessExecutionContext implements EngineExecutionContext {
  private final SessionOptions options;
  private final EngineExecutionListener listener;
  private final SuiteSession session;

  HarnessExecutionContext(ConfigurationParameters config, EngineExecutionListener listener) {
    this(options(config), listener, null);
  }

  private HarnessExecutionContext(SessionOptions options, EngineExecutionListener listener, SuiteSession session) {
    this.options = options;
    this.listener = listener;
    this.session = session;
  }

  private static SessionOptions options(ConfigurationParameters config) {
    HarnessPaths paths = config.get(Constants.ROOT)
        .map(r -> new HarnessPaths(Path.of(r).toAbsolutePath().normalize()))
        .orElseGet(HarnessPaths::fromEnvironment);
    return SessionOptions.defaults(paths)
        .allowingFingerprintMismatch(config.getBoolean(Constants.ALLOW_FINGERPRINT_MISMATCH).orElse(false))
        .requiringBaselines(config.getBoolean(Constants.REQUIRE_BASELINES).orElse(false));
  }

  HarnessExecutionContext withSession(SuiteSession opened) {
    return new HarnessExecutionContext(options, listener, opened);
  }

  SessionOptions options() {
    return options;
  }

  SuiteSession session() {
    return session;
  }

  EngineExecutionListener listener() {
    return listener;
  }
}
