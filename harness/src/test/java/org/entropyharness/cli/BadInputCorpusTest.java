package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every broken file in {@code bad-input/} (and the broken suites in {@code suites/bad/}) gets
 * one located line ({@code file:line:column: what; how to fix}), a non-zero exit code, and writes nothing.
 * {@code cases.tsv} holds file, command and the exact expected line; run with {@code HARNESS_CORPUS_RECORD=true}
 * to rewrite the expected lines after a deliberate message change, then review the diff.
 */
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-input");
  private static final Path CASES = CORPUS.resolve("cases.tsv");
  private static final String ROOT = Path.of("..").toAbsolutePath().normalize().toString();
  private static final List<String> RECORDED = new ArrayList<>();
  private static final boolean RECORD = "true".equals(System.getenv("HARNESS_CORPUS_RECORD"));

  @TempDir Path out;

  static Stream<Arguments> cases() throws IOException {
    return Files.readAllLines(CASES).stream().map(l -> l.split("\t", -1))
        .map(p -> Arguments.of(p[0], p[1], p.length > 2 ? p[2] : ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_give_one_located_line_exit_non_zero_and_write_nothing(String file, String command, String expected)
      throws IOException {
    StringWriter err = new StringWriter();
    String[] args = command.replace("{file}", CORPUS.resolve(file).toString()).replace("{out}", out.toString()).split(" ");

    int exit = HarnessCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);

    String line = err.toString().strip().replace(ROOT, "<root>").replace(out.toString(), "<out>");
    record(file, command, line);
    assertThat(exit).as("exit code").isNotZero();
    assertThat(line).as("one line").doesNotContain("\n").matches(".*[^ ]+:\\d+:\\d+: .+");
    try (Stream<Path> written = Files.list(out)) {
      assertThat(written).as("files written").isEmpty();
    }
    if (!RECORD) {
      assertThat(line).isEqualTo(expected);
    }
  }

  @Test
  void should_hold_at_least_forty_broken_files() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }

  private static synchronized void record(String file, String command, String line) throws IOException {
    if (RECORD) {
      RECORDED.add(file + "\t" + command + "\t" + line);
      if (RECORDED.size() == Files.readAllLines(CASES).size()) {
        Files.write(CASES, RECORDED.stream().sorted().toList());
      }
    }
  }
}
