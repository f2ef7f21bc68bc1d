package org.entropyharness.engine;

import java.util.Set;
import org.entropyharness.suite.SuiteException;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * A suite file that failed to load: one failing test at the problem's position, so the build says where. It carries
 * every tier's tag, so whichever tier runs reports it.
 */
final class InvalidSuiteDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  private final SuiteException problem;

  InvalidSuiteDescriptor(UniqueId id, SuiteException problem) {
    super(id, problem.position().file().getFileName() + " is not a valid suite",
        ReportedSource.of(problem.position().file().getFileName().toString(), "is not a valid suite"));
    this.problem = problem;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.everyTier();
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) {
    throw new AssertionFailedError(problem.getMessage());
  }
}
