package org.entropyharness.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.entropyharness.run.MethodRegistry;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SuiteException;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.entropyharness.suite.YamlDocument;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Turns the request's selectors into suite descriptors: directories are searched for {@code *.yaml} suite files
 * (skipping build output and hidden folders), files are taken as given, unique ids select their suite file. Suites
 * of other tiers than the requested one are left out.
 */
final class SuiteDiscovery {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "src", "reports");

  private final EngineDiscoveryRequest request;
  private final TestDescriptor engine;
  private final String tier;
  private final SuiteLoader loader = new SuiteLoader(MethodRegistry.INSTANCE);

  SuiteDiscovery(EngineDiscoveryRequest request, TestDescriptor engine) {
    this.request = request;
    this.engine = engine;
    this.tier = request.getConfigurationParameters().get(Constants.TIER).orElse("smoke");
  }

  void discover() {
    Set<Path> files = new LinkedHashSet<>();
    request.getSelectorsByType(DirectorySelector.class).forEach(s -> files.addAll(yamlFilesUnder(s.getPath())));
    request.getSelectorsByType(FileSelector.class).stream()
        .map(FileSelector::getPath)
        .filter(SuiteDiscovery::isYaml)
        .forEach(files::add);
    request.getSelectorsByType(UniqueIdSelector.class).stream()
        .map(UniqueIdSelector::getUniqueId)
        .filter(id -> id.getEngineId().map(Constants.ENGINE_ID::equals).orElse(false))
        .flatMap(id -> id.getSegments().stream().filter(s -> s.getType().equals(SuiteDescriptor.SEGMENT)).limit(1))
        .forEach(s -> files.add(Path.of(s.getValue())));
    files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().forEach(this::add);
  }

  private void add(Path file) {
    UniqueId id = engine.getUniqueId().append(SuiteDescriptor.SEGMENT, file.toString());
    SuiteSpec suite;
    try {
      suite = loader.load(file);
    } catch (SuiteException e) {
      report(e);
      engine.addChild(new InvalidSuiteDescriptor(id, e));
      return;
    }
    if (!tier.equals("all") && !suite.tier().id().equals(tier)) {
      return;
    }
    SuiteDescriptor descriptor = new SuiteDescriptor(id, suite);
    YamlDocument doc = YamlDocument.read(file);
    List<CellSpec> cells = suite.cells();
    for (CellSpec cell : cells) {
      int index = suite.methods().indexOf(cell.method());
      var at = doc.valuePosition("/methods/" + index);
      CellDescriptor cellNode = new CellDescriptor(descriptor.getUniqueId().append(CellDescriptor.SEGMENT, cell.id()), cell, at.line(), at.column());
      cellNode.addChild(new CellRunDescriptor(cellNode.getUniqueId().append(CellRunDescriptor.SEGMENT, "run"), cell));
      List<GateSpec> gates = suite.gatesFor(cell);
      for (int g = 0; g < gates.size(); g++) {
        cellNode.addChild(new GateDescriptor(cellNode.getUniqueId().append(GateDescriptor.SEGMENT, Integer.toString(g)), cell, gates.get(g)));
      }
      descriptor.addChild(cellNode);
    }
    engine.addChild(descriptor);
  }

  private void report(SuiteException e) {
    var at = e.position();
    request.getDiscoveryListener().issueEncountered(engine.getUniqueId(),
        DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, e.getMessage())
            .source(FileSource.from(at.file().toFile(), FilePosition.from(at.line(), at.column())))
            .build());
  }

  private static List<Path> yamlFilesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(SuiteDiscovery::isYaml)
          .filter(p -> dir.relativize(p).getNameCount() == 1 || notSkipped(dir.relativize(p)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + dir + " for suite files", e);
    }
  }

  private static boolean notSkipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.startsWith(".") || SKIPPED_DIRS.contains(name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
