package org.entropyharness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.CellSpec;

/**
 * What became of one cell in a session.
 *
 * @param cell the cell
 * @param rows its metric rows (empty when it failed)
 * @param resumed whether an earlier attempt of the same run had finished it
 * @param seconds wall time of the cell in this attempt (0 when resumed)
 * @param failure why it failed, or null
 */
public record CellResult(CellSpec cell, List<MetricRow> rows, boolean resumed, double seconds, Exception failure) {

  public CellResult {
    rows = List.copyOf(rows);
  }

  static CellResult done(CellSpec cell, List<MetricRow> rows, boolean resumed, double seconds) {
    return new CellResult(cell, rows, resumed, seconds, null);
  }

  static CellResult failed(CellSpec cell, Exception failure) {
    return new CellResult(cell, List.of(), false, 0, failure);
  }

  /** This result, or its failure thrown again. */
  CellResult orThrow() throws IOException {
    if (failure instanceof IOException io) {
      throw new IOException(cell.id() + " failed: " + io.getMessage(), io);
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure != null) {
      throw new UncheckedIOException(new IOException(failure));
    }
    return this;
  }
}
