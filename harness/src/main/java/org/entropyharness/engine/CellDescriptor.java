package org.entropyharness.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SourcePosition;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A cell (method × seed): a container for the test that runs it and the tests of its gates. */
final class CellDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "cell";

  private final CellSpec cell;

  CellDescriptor(UniqueId id, CellSpec cell) {
    super(id, cell.id(), source(cell.method().position()));
    this.cell = cell;
  }

  static FileSource source(SourcePosition at) {
    return FileSource.from(at.file().toFile(), FilePosition.from(at.line(), at.column()));
  }

  CellSpec cell() {
    return cell;
  }

  /** The unique ids of the cell's tests: the run, then one per gate. */
  List<UniqueId> testIds() {
    List<UniqueId> ids = new ArrayList<>();
    ids.add(getUniqueId().append(CellRunDescriptor.SEGMENT, "run"));
    ids.addAll(GateDescriptor.ids(getUniqueId(), cell.suite().gatesFor(cell).size()));
    return ids;
  }

  /** The test a unique id segment names: {@code run:run} or {@code gate:<index>}. */
  Optional<AbstractTestDescriptor> test(UniqueId.Segment segment) {
    UniqueId id = getUniqueId().append(segment);
    if (segment.getType().equals(CellRunDescriptor.SEGMENT)) {
      return Optional.of(new CellRunDescriptor(id, cell));
    }
    return GateDescriptor.at(getUniqueId(), segment, cell.suite(), GateSubject.of(cell), cell.suite().gatesFor(cell))
        .map(AbstractTestDescriptor.class::cast);
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(cell.suite());
  }
}
