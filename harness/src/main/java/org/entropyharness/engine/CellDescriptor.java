package org.entropyharness.engine;

import org.entropyharness.suite.CellSpec;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A cell (method × seed): a container for the test that runs it and the tests of its gates. */
final class CellDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "cell";

  CellDescriptor(UniqueId id, CellSpec cell, int line, int column) {
    super(id, cell.id(), FileSource.from(cell.suite().file().toFile(), FilePosition.from(line, column)));
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
