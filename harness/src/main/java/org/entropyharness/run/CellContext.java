package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;

/**
 * What a running cell may use besides its spec.
 *
 * @param cacheDir a folder that survives a crash of the run (generation caches)
 * @param progress where the cell reports finished work
 * @param cells the samples of another cell of the suite (the base model's cell of this one), run first if needed
 */
public record CellContext(Path cacheDir, Progress progress, OtherCells cells) {

  /** A context whose cell needs no other cell. */
  public CellContext(Path cacheDir, Progress progress) {
    this(cacheDir, progress, other -> {
      throw new IllegalStateException("no other cells are available here (asked for " + other.id() + ")");
    });
  }

  /** Work done inside a cell, in the cell's own units (images, problems). */
  public interface Progress {
    void advance(long done, long total);

    Progress NONE = (done, total) -> {};
  }

  /** The samples of another cell of the same suite, which the session runs (once) when it has not yet. */
  @FunctionalInterface
  public interface OtherCells {
    List<SampleRow> samples(CellSpec other) throws IOException;
  }
}
