package org.entropyharness.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entropyharness.guard.FuzzBudget;
import org.entropyharness.run.Families;

/**
 * Fuzzes the suite loader (YAML with positions, the schema, the rules after it): whatever the text, loading either
 * gives a suite or throws one located {@link SuiteException}, within {@link FuzzBudget}. Inputs are YAML-shaped noise,
 * shipped suites with random edits, and deep nesting and alias chains near and beyond the limits.
 */
class YamlFuzzTest {
  private static final String ALPHABET = "{}[]:,-&*!'\"#\n |>?%@`\\ \tabs01.e+";
  private static List<String> shipped;
  private static Path dir;

  @BeforeContainer
  static void readShippedSuites() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../suites"))) {
      shipped = files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(YamlFuzzTest::text).toList();
    }
    // Suites name their data relative to suites/ (../datasets/…), and a weights glob must match: the copies sit in
    // a suites/ folder beside a link to the project's datasets/.
    Path root = Files.createTempDirectory("yaml-fuzz");
    Files.createSymbolicLink(root.resolve("datasets"), Path.of("../datasets").toAbsolutePath().normalize());
    dir = Files.createDirectory(root.resolve("suites"));
  }

  @AfterContainer
  static void removeTemporaryFiles() throws IOException {
    FuzzBudget.deleteFolder(dir);
    Files.delete(dir.resolveSibling("datasets"));
    Files.delete(dir.getParent());
  }

  /** The seeds of the edits load as they are: a property that only ever sees refusals would test nothing. */
  @Example
  void should_load_every_shipped_suite_as_it_is() throws IOException {
    assertThat(shipped).isNotEmpty();
    for (String text : shipped) {
      Path file = Files.writeString(dir.resolve("shipped.yaml"), text);
      assertThat(FuzzBudget.run(() -> new SuiteLoader(Families.ALL).load(file))).as("loading:%n%s", text).isNull();
    }
  }

  @Property(tries = 200, seed = FuzzBudget.SEED)
  void should_load_or_refuse_yaml_shaped_noise(@ForAll("noise") String text) throws IOException {
    assertLoadsOrRefuses(text);
  }

  @Property(tries = 200, seed = FuzzBudget.SEED)
  void should_load_or_refuse_an_edited_shipped_suite(@ForAll("edited") String text) throws IOException {
    assertLoadsOrRefuses(text);
  }

  @Property(tries = 60, seed = FuzzBudget.SEED)
  void should_load_or_refuse_deep_nesting_and_alias_chains(@ForAll("nested") String text) throws IOException {
    assertLoadsOrRefuses(text);
  }

  private static void assertLoadsOrRefuses(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("fuzz.yaml"), text);
    Throwable thrown = FuzzBudget.run(() -> new SuiteLoader(Families.ALL).load(file));
    assertThat(thrown).as("outcome of loading:%n%s", text.length() > 2000 ? text.substring(0, 2000) : text)
        .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(SuiteException.class));
  }

  @Provide
  Arbitrary<String> noise() {
    return noiseOf(400);
  }

  private static Arbitrary<String> noiseOf(int maxLength) {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(maxLength);
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> suite = Arbitraries.of(shipped);
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 40);
    return Combinators.combine(suite, at, cut, noiseOf(40)).as((s, where, length, insert) -> {
      int from = (int) (where * s.length());
      return s.substring(0, from) + insert + s.substring(Math.min(s.length(), from + length));
    });
  }

  @Provide
  Arbitrary<String> nested() {
    Arbitrary<String> brackets = Arbitraries.integers().between(1, 3000)
        .map(d -> "suite: s\nfamily: tta\ndataset: " + "[".repeat(d) + "]".repeat(d) + "\n");
    Arbitrary<String> maps = Arbitraries.integers().between(1, 500)
        .map(d -> "suite: s\nfamily: tta\ndataset: " + "{a: ".repeat(d) + "1" + "}".repeat(d) + "\n");
    Arbitrary<String> aliases = Combinators.combine(Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 12)).as(YamlFuzzTest::laughs);
    return Arbitraries.oneOf(brackets, maps, aliases);
  }

  private static String laughs(int levels, int width) {
    StringBuilder s = new StringBuilder("suite: s\nfamily: reasoning\na0: &a0 [x]\n");
    for (int i = 1; i < levels; i++) {
      s.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(",", java.util.Collections.nCopies(width, "*a" + (i - 1)))).append("]\n");
    }
    return s.toString();
  }

  private static String text(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
