package org.entropyharness.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SuiteSpec;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One gate of a cell or of a group of cells, decided by the session's gate policy: passes, fails (a regression, an
 * incomparable baseline, a missing value), or is aborted when the suite has no baseline yet or a cell did not run.
 */
final class GateDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "gate";

  private final SuiteSpec suite;
  private final GateSubject subject;
  private final GateSpec gate;

  private GateDescriptor(UniqueId id, SuiteSpec suite, GateSubject subject, GateSpec gate) {
    super(id, gate.displayName(), ReportedSource.of(suite.name(), subject.id() + " " + gate.displayName()));
    this.suite = suite;
    this.subject = subject;
    this.gate = gate;
  }

  /** The gate a unique id segment {@code gate:<index>} names among {@code gates}, under {@code parent}. */
  static Optional<GateDescriptor> at(UniqueId parent, UniqueId.Segment segment, SuiteSpec suite, GateSubject subject,
      List<GateSpec> gates) {
    try {
      int index = Integer.parseInt(segment.getValue());
      return segment.getType().equals(SEGMENT) && index >= 0 && index < gates.size()
          ? Optional.of(new GateDescriptor(parent.append(segment), suite, subject, gates.get(index)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The unique ids of {@code count} gates under {@code parent}. */
  static List<UniqueId> ids(UniqueId parent, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(g -> parent.append(SEGMENT, Integer.toString(g)))
        .toList();
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(suite);
  }

  @Override
  public String getLegacyReportingName() {
    return subject.id() + " " + gate.displayName();
  }

  @Override
  public HarnessExecutionContext execute(HarnessExecutionContext context, DynamicTestExecutor executor) throws Exception {
    SuiteSession session = context.session();
    GateVerdict verdict;
    try {
      verdict = AllureCellReport.phase("gate", () -> subject.decide(session, gate));
    } catch (Exception cellFailed) {
      throw new TestAbortedException("a cell of " + subject.id() + " did not run: " + cellFailed.getMessage());
    }
    context.listener().reportingEntryPublished(this, ReportEntry.from("gate", verdict.summary()));
    System.out.println("[" + suite.name() + "] " + verdict.summary());
    try {
      GateAssert.assertThat(verdict).passes();
    } catch (AssertionError failed) {
      // The gate's YAML line leads the message: consoles and IDEs link file:line:column.
      throw new AssertionFailedError(gate.position() + ": " + gate.displayName() + failed.getMessage(), failed);
    }
    return context;
  }
}
