package org.entropyharness.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How a suite session runs, the same whichever entry point starts it.
 *
 * @param runs where new run folders go
 * @param baselines the folder of committed baselines
 * @param shard which part of the suite's cells to run
 * @param resume an interrupted run folder to complete, or empty for a new run
 * @param allowFingerprintMismatch compare with baselines that measured something else
 * @param requireBaselines a suite without a baseline file fails its gates instead of skipping them
 * @param clock the clock that stamps run folders and rows
 */
public record SessionOptions(Path runs, Path baselines, Shard shard, Optional<Path> resume,
    boolean allowFingerprintMismatch, boolean requireBaselines, Clock clock) {

  /** A new, unsharded run under the project's {@code reports/runs}, gated against its {@code baselines}. */
  public static SessionOptions defaults(HarnessPaths paths) {
    return new SessionOptions(paths.runs(), paths.baselines(), Shard.ALL, Optional.empty(), false, false,
        Clock.systemUTC());
  }

  public SessionOptions withRuns(Path folder) {
    return new SessionOptions(folder, baselines, shard, resume, allowFingerprintMismatch, requireBaselines, clock);
  }

  public SessionOptions withBaselines(Path folder) {
    return new SessionOptions(runs, folder, shard, resume, allowFingerprintMismatch, requireBaselines, clock);
  }

  public SessionOptions withShard(Shard part) {
    return new SessionOptions(runs, baselines, part, resume, allowFingerprintMismatch, requireBaselines, clock);
  }

  public SessionOptions resuming(Path runFolder) {
    return new SessionOptions(runs, baselines, shard, Optional.of(runFolder), allowFingerprintMismatch,
        requireBaselines, clock);
  }

  public SessionOptions allowingFingerprintMismatch(boolean allow) {
    return new SessionOptions(runs, baselines, shard, resume, allow, requireBaselines, clock);
  }

  public SessionOptions requiringBaselines(boolean require) {
    return new SessionOptions(runs, baselines, shard, resume, allowFingerprintMismatch, require, clock);
  }
}
