package org.entropyharness.suites;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the suite files of this folder through the harness engine. Every test carries its suite's tier and family as
 * tags: Maven runs the smoke tier ({@code groups=smoke} in this module's pom; {@code -Dgroups=nightly} for the nightly
 * tier), and an IDE run of this class should be given the tag expression {@code smoke} (without one it runs every
 * tier, nightly included).
 */
@Suite
@IncludeEngines("entropy-harness")
@SelectDirectories(".")
class SuiteFilesTest {}
