package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Path;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteSpec;

/** Runs a whole suite (or one shard) through a session into a folder of a test, the way {@code harness run} does. */
public final class SessionRuns {
  private SessionRuns() {}

  /** The run folder, created under {@code runs}. */
  public static RunDirectory run(SuiteSpec suite, Path runs, Shard shard) throws IOException {
    SessionOptions options = SessionOptions.defaults(new HarnessPaths(runs)).withRuns(runs).withShard(shard);
    SuiteSession session = SuiteSession.open(suite, options);
    try (session) {
      session.runAll(RunProgress.silent());
    }
    return session.dir();
  }
}
