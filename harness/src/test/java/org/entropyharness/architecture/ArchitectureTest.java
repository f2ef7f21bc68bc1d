package org.entropyharness.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: cli / engine / report → run → gate → store → data / model / method / metric → suite. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(java.nio.file.Path.of("target/classes"));

  @Test
  void should_point_dependencies_inward() {
    LAYERS.check(MAIN);
  }

  private static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("suite").definedBy("org.entropyharness.suite..")
          .layer("components").definedBy(
              "org.entropyharness.format..", "org.entropyharness.data..", "org.entropyharness.model..",
              "org.entropyharness.lm..", "org.entropyharness.method..", "org.entropyharness.metric..")
          .layer("store").definedBy("org.entropyharness.store..")
          .layer("gate").definedBy("org.entropyharness.gate..")
          .layer("run").definedBy("org.entropyharness.run..")
          .layer("outer").definedBy("org.entropyharness.engine..", "org.entropyharness.jupiter..", "org.entropyharness.report..",
              "org.entropyharness.cluster..", "org.entropyharness.cli..")
          .whereLayer("outer").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("run").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("gate").mayOnlyBeAccessedByLayers("run", "outer")
          .whereLayer("store").mayOnlyBeAccessedByLayers("gate", "run", "outer")
          .whereLayer("components").mayOnlyBeAccessedByLayers("components", "run", "outer");
}
