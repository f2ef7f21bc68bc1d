package org.entropyharness.engine;

import org.entropyharness.suite.CellSpec;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The source of a harness test as build tools see it. Maven Surefire counts and fails only tests that carry a
 * {@link MethodSource} (tests with a file source run but vanish from its totals and its XML), so each test is
 * reported as "method" {@code <cell> <test>} of "class" {@code <suite>}; the containers above keep their file
 * positions for IDEs, and failure messages carry {@code file:line:column}.
 */
final class ReportedSource {
  private ReportedSource() {}

  static MethodSource of(CellSpec cell, String test) {
    return of(cell.suite().name(), cell.id() + " " + test);
  }

  static MethodSource of(String suite, String test) {
    return MethodSource.from("suite." + suite, test);
  }
}
