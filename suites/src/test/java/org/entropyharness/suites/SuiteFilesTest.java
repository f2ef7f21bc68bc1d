package org.entropyharness.suites;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the suite files of this folder through the harness engine: the smoke tier by default,
 * {@code -Dharness.tier=nightly} for the nightly tier. An IDE runs this class like any JUnit test.
 */
@Suite
@IncludeEngines("entropy-harness")
@SelectDirectories(".")
class SuiteFilesTest {}
