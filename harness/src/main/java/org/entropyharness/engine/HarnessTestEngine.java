package org.entropyharness.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The JUnit Platform engine that runs suite files as tests: each suite file is a container, each cell (method ×
 * seed) a container, and inside it one test that runs the cell and one test per gate. Tiers are tags; the
 * {@value Constants#TIER} parameter picks which tier runs.
 */
public final class HarnessTestEngine extends HierarchicalTestEngine<HarnessExecutionContext> {

  @Override
  public String getId() {
    return Constants.ENGINE_ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Entropy harness");
    new SuiteDiscovery(request, engine).discover();
    return engine;
  }

  @Override
  protected HarnessExecutionContext createExecutionContext(ExecutionRequest request) {
    return new HarnessExecutionContext(request.getConfigurationParameters(), request.getEngineExecutionListener());
  }
}
