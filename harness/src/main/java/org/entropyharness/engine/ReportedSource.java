package org.entropyharness.engine;

import org.entropyharness.suite.CellSpec;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The source of a harness test as build tools see it. Maven Surefire 3.5 counts and fails only tests that carry a
 * {@link MethodSource} (tests with a file source run but vanish from its totals and its XML: tried), so each test is
 * reported as "method" {@code <cell> <test>} of "class" {@code suite.<name>}. The YAML positions stay where IDEs read
 * them without Surefire minding: on the suite and cell containers (file sources with line and column), and at the
 * head of every gate's failure message ({@code file:line:column}).
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
