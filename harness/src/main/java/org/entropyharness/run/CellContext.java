package org.entropyharness.run;

import java.nio.file.Path;

/**
 * What a running cell may use besides its spec.
 *
 * @param cacheDir a folder that survives a crash of the run (generation caches)
 * @param progress where the cell reports finished work
 */
public record CellContext(Path cacheDir, Progress progress) {

  /** Work done inside a cell, in the cell's own units (images, problems). */
  public interface Progress {
    void advance(long done, long total);

    Progress NONE = (done, total) -> {};
  }
}
