package org.entropyharness.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.entropyharness.run.Families;
import org.entropyharness.suite.SuiteException;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves selectors into the test tree: a directory into its suite files (skipping build output and hidden
 * folders), a suite file into its suite and cells, a unique id into exactly the suite, cell, run test or gate it
 * names (so selecting one gate runs only its cell). Each suite file is parsed once per discovery.
 */
final class SuiteFileResolver implements SelectorResolver {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "src", "reports");

  private final EngineDiscoveryRequest request;
  private final TestDescriptor engine;
  private final SuiteLoader loader = new SuiteLoader(Families.ALL);
  private final Map<Path, Object> loaded = new HashMap<>();

  SuiteFileResolver(EngineDiscoveryRequest request, TestDescriptor engine) {
    this.request = request;
    this.engine = engine;
  }

  @Override
  public Resolution resolve(DirectorySelector selector, Context context) {
    Set<DiscoverySelector> files = yamlFilesUnder(selector.getPath()).stream()
        .map(p -> selectFile(p.toFile()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
  }

  @Override
  public Resolution resolve(FileSelector selector, Context context) {
    return isYaml(selector.getPath()) ? suite(selector.getPath(), context) : Resolution.unresolved();
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    // Under the suite engine the root is not the first segment: ids are matched by this engine's own root.
    if (!id.hasPrefix(engine.getUniqueId()) || id.equals(engine.getUniqueId())) {
      return Resolution.unresolved();
    }
    UniqueId.Segment last = id.getLastSegment();
    return switch (last.getType()) {
      case SuiteDescriptor.SEGMENT -> suite(Path.of(last.getValue()), context);
      case CellDescriptor.SEGMENT -> child(id, context, p -> p instanceof SuiteDescriptor s ? s.cell(last.getValue()) : Optional.empty());
      case GroupDescriptor.SEGMENT -> child(id, context, p -> p instanceof SuiteDescriptor s ? s.group(last.getValue()) : Optional.empty());
      case CellRunDescriptor.SEGMENT, GateDescriptor.SEGMENT -> child(id, context, p -> p instanceof CellDescriptor c
          ? c.test(last) : p instanceof GroupDescriptor g ? g.test(last) : Optional.empty());
      default -> Resolution.unresolved();
    };
  }

  private Resolution child(UniqueId id, Context context, java.util.function.Function<TestDescriptor, Optional<? extends TestDescriptor>> create) {
    Optional<TestDescriptor> node = context.addToParent(() -> selectUniqueId(id.removeLastSegment()),
        parent -> create.apply(parent).map(TestDescriptor.class::cast));
    return node.map(n -> Resolution.match(Match.exact(n, () -> childSelectors(n)))).orElse(Resolution.unresolved());
  }

  private Resolution suite(Path path, Context context) {
    Path file = path.toAbsolutePath().normalize();
    Object suite = loaded.computeIfAbsent(file, this::load);
    Optional<TestDescriptor> node = context.addToParent(parent -> Optional.of(suite instanceof SuiteSpec spec
        ? new SuiteDescriptor(parent.getUniqueId().append(SuiteDescriptor.SEGMENT, file.toString()), spec)
        : new InvalidSuiteDescriptor(parent.getUniqueId().append(SuiteDescriptor.SEGMENT, file.toString()),
            (SuiteException) suite)));
    return node.map(n -> Resolution.match(Match.exact(n, () -> childSelectors(n)))).orElse(Resolution.unresolved());
  }

  private static Set<? extends DiscoverySelector> childSelectors(TestDescriptor node) {
    Set<UniqueIdSelector> children = new LinkedHashSet<>();
    if (node instanceof SuiteDescriptor suite) {
      suite.cellIds().forEach(id -> children.add(selectUniqueId(id)));
      suite.groupIds().forEach(id -> children.add(selectUniqueId(id)));
    } else if (node instanceof CellDescriptor cell) {
      cell.testIds().forEach(id -> children.add(selectUniqueId(id)));
    } else if (node instanceof GroupDescriptor group) {
      group.testIds().forEach(id -> children.add(selectUniqueId(id)));
    }
    return children;
  }

  private Object load(Path file) {
    try {
      return loader.load(file);
    } catch (SuiteException e) {
      var at = e.position();
      request.getDiscoveryListener().issueEncountered(engine.getUniqueId(),
          DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, e.getMessage())
              .source(FileSource.from(at.file().toFile(), FilePosition.from(at.line(), at.column())))
              .build());
      return e;
    }
  }

  private static java.util.List<Path> yamlFilesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(SuiteFileResolver::isYaml)
          .filter(p -> notSkipped(dir.relativize(p)))
          .sorted()
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
