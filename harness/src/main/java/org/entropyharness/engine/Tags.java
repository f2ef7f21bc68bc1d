package org.entropyharness.engine;

import java.util.Set;
import org.entropyharness.suite.SuiteSpec;
import org.entropyharness.suite.Tier;
import org.junit.platform.engine.TestTag;

/** The tags of every node of a suite: its tier and its family, so JUnit's tag filters select suites. */
final class Tags {
  private Tags() {}

  static Set<TestTag> of(SuiteSpec suite) {
    return Set.of(TestTag.create(suite.tier().id()), TestTag.create(suite.family()));
  }

  /** A suite file that did not load has no known tier: it carries every tier, so every tier's run reports it. */
  static Set<TestTag> everyTier() {
    return java.util.Arrays.stream(Tier.values()).map(t -> TestTag.create(t.id()))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
