package org.entropyharness.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The JUnit Platform engine that runs suite files as tests: each suite file is a container, each cell (method ×
 * seed) a container, and inside it one test that runs the cell and one test per gate. Every node carries the suite's
 * tier and family as tags, so tag filters ({@code -Dgroups=smoke}, {@code --include-tag nightly}) select suites.
 */
public final class HarnessTestEngine extends HierarchicalTestEngine<HarnessExecutionContext> {
  private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
      EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
          .addSelectorResolver(context -> new SuiteFileResolver(context.getDiscoveryRequest(), context.getEngineDescriptor()))
          .build();

  @Override
  public String getId() {
    return Constants.ENGINE_ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Entropy harness");
    RESOLVER.resolve(request, engine);
    return engine;
  }

  @Override
  protected HarnessExecutionContext createExecutionContext(ExecutionRequest request) {
    return new HarnessExecutionContext(request.getConfigurationParameters(), request.getEngineExecutionListener());
  }
}
