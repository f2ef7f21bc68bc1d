package org.entropyharness.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward, also inside the component layer (see docs/architecture.md):
 * outer (engine, jupiter, report, cli) → run → gate / chart → store; run → method → model / lm → data → metric →
 * format; suite is read by gate, run and the outer layer; guard (input and output checks, limits) is below them all.
 */
class ArchitectureTest {
  private static final String ROOT = "org.entropyharness.";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(java.nio.file.Path.of("target/classes"));

  @Test
  void should_point_dependencies_inward() {
    LAYERS.check(MAIN);
  }

  @Test
  void should_keep_the_classifier_and_the_language_models_apart() {
    noClasses().that().resideInAPackage(ROOT + "model..").should().dependOnClassesThat().resideInAPackage(ROOT + "lm..")
        .check(MAIN);
    noClasses().that().resideInAPackage(ROOT + "lm..").should().dependOnClassesThat().resideInAPackage(ROOT + "model..")
        .check(MAIN);
  }

  @Test
  void should_adapt_any_classifier_not_one_network() {
    noClasses().that().resideInAPackage(ROOT + "method.tta..").should().dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + "model.CifarResNet")
        .because("TTA methods see a network through model.AdaptableClassifier, so another one plugs in")
        .check(MAIN);
  }

  @Test
  void should_keep_inference_independent_of_training() {
    noClasses().that().resideInAPackage(ROOT + "lm..").and().resideOutsideOfPackage(ROOT + "lm.train..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + "lm.train..")
        .check(MAIN);
  }

  @Test
  void should_keep_the_guards_below_every_other_package() {
    noClasses().that().resideInAPackage(ROOT + "guard..").should().dependOnClassesThat()
        .resideInAnyPackage(ROOT + "suite..", ROOT + "format..", ROOT + "metric..", ROOT + "data..", ROOT + "model..",
            ROOT + "lm..", ROOT + "method..", ROOT + "store..", ROOT + "gate..", ROOT + "chart..", ROOT + "run..",
            ROOT + "engine..", ROOT + "jupiter..", ROOT + "report..", ROOT + "cluster..", ROOT + "cli..")
        .check(MAIN);
  }

  private static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("suite").definedBy(ROOT + "suite..")
          .layer("format").definedBy(ROOT + "format..")
          .layer("metric").definedBy(ROOT + "metric..")
          .layer("data").definedBy(ROOT + "data..")
          .layer("models").definedBy(ROOT + "model..", ROOT + "lm..")
          .layer("method").definedBy(ROOT + "method..")
          .layer("store").definedBy(ROOT + "store..")
          .layer("gate").definedBy(ROOT + "gate..")
          .layer("chart").definedBy(ROOT + "chart..")
          .layer("run").definedBy(ROOT + "run..")
          .layer("outer").definedBy(ROOT + "engine..", ROOT + "jupiter..", ROOT + "report..", ROOT + "cluster..", ROOT + "cli..")
          .whereLayer("outer").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("run").mayOnlyBeAccessedByLayers("outer")
          .whereLayer("gate").mayOnlyBeAccessedByLayers("run", "outer")
          .whereLayer("chart").mayOnlyBeAccessedByLayers("run", "outer")
          .whereLayer("store").mayOnlyBeAccessedByLayers("gate", "chart", "run", "outer")
          .whereLayer("method").mayOnlyBeAccessedByLayers("run", "outer")
          .whereLayer("models").mayOnlyBeAccessedByLayers("models", "method", "run", "outer")
          .whereLayer("data").mayOnlyBeAccessedByLayers("models", "method", "run", "outer")
          .whereLayer("metric").mayOnlyBeAccessedByLayers("data", "models", "method", "run", "outer")
          .whereLayer("format").mayOnlyBeAccessedByLayers("data", "models", "method", "run", "outer")
          .whereLayer("suite").mayOnlyBeAccessedByLayers("gate", "run", "outer");
}
