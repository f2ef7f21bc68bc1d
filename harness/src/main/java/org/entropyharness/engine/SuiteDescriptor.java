package org.entropyharness.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteSpec;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A suite file: opens a session over the selected cells before them and closes it (writing the run) after. */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "suite";

  private final SuiteSpec suite;

  SuiteDescriptor(UniqueId id, SuiteSpec suite) {
    super(id, suite.name(), FileSource.from(suite.file().toFile()));
    this.suite = suite;
  }

  /** The unique ids of every cell of the suite, in suite order. */
  List<UniqueId> cellIds() {
    return suite.cells().stream().map(c -> getUniqueId().append(CellDescriptor.SEGMENT, c.id())).toList();
  }

  /** The unique ids of every group of cells of the suite that has gates. */
  List<UniqueId> groupIds() {
    return suite.groups().stream().filter(g -> !suite.gatesFor(g).isEmpty())
        .map(g -> getUniqueId().append(GroupDescriptor.SEGMENT, g.id())).toList();
  }

  /** The descriptor of a group by id. */
  Optional<GroupDescriptor> group(String groupId) {
    return suite.groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
        .map(g -> new GroupDescriptor(getUniqueId().append(GroupDescriptor.SEGMENT, groupId), g));
  }

  /** The descriptor of a cell by id, or empty when the suite has no such cell. */
  Optional<CellDescriptor> cell(String cellId) {
    return suite.cells().stream().filter(c -> c.id().equals(cellId)).findFirst()
        .map(c -> new CellDescriptor(getUniqueId().append(CellDescriptor.SEGMENT, cellId), c));
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(suite);
  }

  @Override
  public String getLegacyReportingName() {
    return "suite " + suite.name();
  }

  @Override
  public SkipResult shouldBeSkipped(HarnessExecutionContext context) {
    return SuiteSession.skipReason(suite).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
  }

  @Override
  public HarnessExecutionContext before(HarnessExecutionContext context) throws Exception {
    List<CellSpec> chosen = getChildren().stream()
        .filter(CellDescriptor.class::isInstance)
        .map(d -> ((CellDescriptor) d).cell())
        .sorted(java.util.Comparator.comparingInt(suite.cells()::indexOf))
        .toList();
    return context.withSession(SuiteSession.open(suite, context.options(), chosen));
  }

  @Override
  public void after(HarnessExecutionContext context) throws Exception {
    if (context.session() != null) {
      context.session().close();
      System.out.println("[" + suite.name() + "] results: " + context.session().dir().root());
    }
  }

  @Override
  public void nodeSkipped(HarnessExecutionContext context, TestDescriptor descriptor, SkipResult result) {
    System.out.println("[" + suite.name() + "] skipped: " + result.getReason().orElse(""));
  }
}
