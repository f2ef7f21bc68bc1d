package org.entropyharness.run;

import java.io.IOException;
import org.entropyharness.run.reasoning.ReasoningCellRunner;
import org.entropyharness.run.tta.TtaCellRunner;
import org.entropyharness.suite.SuiteSpec;

/** Opens the cell runner of a suite's family. */
public final class CellRunners {
  private CellRunners() {}

  /**
   * Checks what the schema cannot: that the files the suite names exist and fit its family. Loads no model.
   *
   * @throws org.entropyharness.suite.SuiteException located at the offending key
   */
  public static void check(SuiteSpec suite) {
    switch (suite.family()) {
      case REASONING -> ReasoningCellRunner.check(suite);
      case TTA -> TtaCellRunner.check(suite);
    }
  }

  /** Why a suite cannot run on this machine (e.g. no model server configured), or empty when it can. */
  public static java.util.Optional<String> skipReason(SuiteSpec suite) {
    return suite.family() == org.entropyharness.suite.Family.REASONING
        ? ReasoningCellRunner.skipReason(suite)
        : java.util.Optional.empty();
  }

  /** The runner for a suite; the caller closes it after the suite's last cell. */
  public static CellRunner open(SuiteSpec suite) throws IOException {
    return switch (suite.family()) {
      case REASONING -> new ReasoningCellRunner(suite);
      case TTA -> new TtaCellRunner(suite);
    };
  }
}
