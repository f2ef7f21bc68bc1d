package org.entropyharness.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: cli / engine / report → run → gate → store → data / model / method / metric → suite. */
@AnalyzeClasses(packages = "org.entropyharness", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers_point_inward =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("suite").definedBy("org.entropyharness.suite..")
          .layer("components").definedBy(
              "org.entropyharness.data..", "org.entropyharness.model..", "org.entropyharness.method..",
              "org.entropyharness.metric..")
          .layer("store").definedBy("org.entropyharness.store..")
          .layer("gate").definedBy("org.entropyharness.gate..")
          .layer("run").definedBy("org.entropyharness.run..")
          .layer("outer").definedBy("org.entropyharness.engine..", "org.entropyharness.report..", "org.entropyharness.cli..")
          .whereLayer("outer").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("run").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("gate").mayOnlyBeAccessedByLayers("run", "outer")
          .whereLayer("store").mayOnlyBeAccessedByLayers("gate", "run", "outer")
          .whereLayer("components").mayOnlyBeAccessedByLayers("components", "run", "outer");
}
