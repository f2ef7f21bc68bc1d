package org.entropyharness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteLoaderTest {
  private static final Path SUITES = Path.of("src/test/resources/suites");
  private static final Path BAD = SUITES.resolve("bad");

  private final SuiteLoader loader = new SuiteLoader(FamilyCatalog.PERMISSIVE);

  static Stream<Arguments> badSuites() throws IOException {
    return Files.readAllLines(BAD.resolve("expected-errors.tsv")).stream()
        .map(line -> line.split("\t", 2))
        .map(parts -> Arguments.of(parts[0], parts[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSuites")
  void should_report_one_located_line_for_a_broken_suite(String file, String expected) {
    Path path = BAD.resolve(file);
    assertThatThrownBy(() -> loader.load(path))
        .isInstanceOf(SuiteException.class)
        .hasMessage(BAD + "/" + expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void should_cover_every_bad_fixture() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml")).count())
          .isEqualTo(badSuites().count());
    }
  }

  @Test
  void should_expand_methods_and_seeds_into_cells_in_file_order() {
    SuiteSpec suite = loader.load(SUITES.resolve("good-tta.yaml"));

    assertThat(suite.cells()).extracting(CellSpec::id).containsExactly("source@1", "tent@1", "tent-frozen@1");
    assertThat(suite.methods().get(2).params().asMap()).containsOnlyKeys("lr");
    assertThat(suite.gates()).singleElement().satisfies(g -> {
      assertThat(g.tolerance().amount()).isEqualTo(0.005);
      assertThat(g.position().line()).isEqualTo(20);
    });
  }

  @Test
  void should_resolve_paths_against_the_suite_folder() {
    SuiteSpec suite = loader.load(SUITES.resolve("good-tta.yaml"));

    assertThat(suite.models().get(0).section().existingPath("checkpoint")).isRegularFile();
  }

  @Test
  void should_name_the_resolved_path_of_a_missing_file() {
    SuiteSpec suite = loader.load(SUITES.resolve("good-tta.yaml"));
    Params model = Params.of(suite.file(), java.util.Map.of("checkpoint", "nowhere.th"));

    assertThatThrownBy(() -> model.existingPath("checkpoint"))
        .hasMessageContaining("checkpoint: 'nowhere.th' resolves to ")
        .hasMessageContaining("nowhere.th, which does not exist");
  }

  @Test
  void should_locate_a_problem_the_method_catalog_finds() {
    FamilyCatalog strict =
        new FamilyCatalog() {
          @Override
          public java.util.Optional<java.util.List<String>> defaultMetrics(String family) {
            return java.util.Optional.of(java.util.List.of());
          }

          @Override
          public java.util.Optional<ParamProblem> check(String f, String id, java.util.Map<String, Object> p) {
            return p.containsKey("lr") && ((Number) p.get("lr")).doubleValue() == 0.0
                ? java.util.Optional.of(new ParamProblem("lr", "must be positive"))
                : java.util.Optional.empty();
          }
        };

    assertThatThrownBy(() -> new SuiteLoader(strict).load(SUITES.resolve("good-tta.yaml")))
        .hasMessage(SUITES.resolve("good-tta.yaml") + ":17:16: lr: must be positive");
  }
}
