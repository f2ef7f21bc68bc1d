package org.entropyharness.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.CellRunners;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.Shard;
import org.entropyharness.run.SuiteExecution;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.SuiteSpec;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A suite file: opens the family's runner and a run folder before its cells, consolidates the run after them. */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<HarnessExecutionContext> {
  static final String SEGMENT = "suite";
  private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final SuiteSpec suite;

  SuiteDescriptor(UniqueId id, SuiteSpec suite) {
    super(id, suite.name(), FileSource.from(suite.file().toFile()));
    this.suite = suite;
  }

  SuiteSpec suite() {
    return suite;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Set.of(TestTag.create(suite.tier().id()), TestTag.create(suite.family().id()));
  }

  @Override
  public String getLegacyReportingName() {
    return "suite " + suite.name();
  }

  @Override
  public SkipResult shouldBeSkipped(HarnessExecutionContext context) {
    return CellRunners.skipReason(suite).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
  }

  @Override
  public HarnessExecutionContext before(HarnessExecutionContext context) throws Exception {
    HarnessPaths paths = context.paths();
    List<MetricRow> baseline = new Baselines(paths.baselines()).read(suite.name()).orElse(List.of());
    Clock clock = Clock.systemUTC();
    String runId = suite.name() + "-" + RUN_STAMP.format(clock.instant()) + "-" + Long.toHexString(System.nanoTime() & 0xffff);
    RunDirectory dir = new RunDirectory(Files.createDirectories(paths.runs().resolve(runId)));
    CellRunner runner = CellRunners.open(suite);
    SuiteExecution execution = new SuiteExecution(suite, dir, Shard.ALL, clock);
    return context.withSuite(new SuiteRunState(suite, runner, dir, execution, baseline));
  }

  @Override
  public void after(HarnessExecutionContext context) throws IOException {
    if (context.suite() != null) {
      context.suite().close();
      System.out.println("[" + suite.name() + "] results: " + context.suite().dir().root());
    }
  }
}
