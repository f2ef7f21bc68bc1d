package org.entropyharness.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.suite.CellGroup;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A group of cells with rows of its own (a series of checkpoints, a method over seeds): a container for the gates on
 * the group's metrics, which run its cells first if they have not run.
 */
final class GroupDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "group";

  private final CellGroup group;

  GroupDescriptor(UniqueId id, CellGroup group) {
    super(id, group.id(), CellDescriptor.source(group.method().position()));
    this.group = group;
  }

  /** The unique ids of the group's gate tests. */
  List<UniqueId> testIds() {
    return GateDescriptor.ids(getUniqueId(), group.suite().gatesFor(group).size());
  }

  /** The gate test a unique id segment names. */
  Optional<GateDescriptor> test(UniqueId.Segment segment) {
    return GateDescriptor.at(getUniqueId(), segment, group.suite(), GateSubject.of(group), group.suite().gatesFor(group));
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(group.suite());
  }
}
