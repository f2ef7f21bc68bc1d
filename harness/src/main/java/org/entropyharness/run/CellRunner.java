package org.entropyharness.run;

import java.io.IOException;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.suite.CellSpec;

/**
 * Runs the cells of one suite. Opened once per suite so the model and data load once; closed after the last cell.
 */
public interface CellRunner extends AutoCloseable {

  /** What the cell's result depends on; cheap (hashes of inputs), so gates can check it without running. */
  Fingerprint fingerprint(CellSpec cell) throws IOException;

  /** Runs one cell. */
  CellOutcome run(CellSpec cell, CellContext context) throws IOException;

  @Override
  default void close() throws IOException {}
}
