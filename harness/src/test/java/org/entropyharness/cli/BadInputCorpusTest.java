package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every broken input in {@code bad-input/} (the broken suites in {@code suites/bad/}, the
 * hostile files in {@code bad-input/hostile/}, and fixtures made at run time such as a FIFO or a 50 MB suite) gets one
 * located line ({@code file:line:column: what; how to fix}, or the option at fault), its exit code, and writes
 * nothing. {@code cases.tsv} holds file, command, exit code, class and the exact expected line; run with
 * {@code HARNESS_CORPUS_RECORD=true} to rewrite the exit codes and lines after a deliberate change, then review the
 * diff.
 *
 * <p>The cases run in one child JVM with a 512 MB heap ({@link BadInputRunner}); each case's wall time, CPU time and
 * peak heap are measured there and written to {@code target/bad-input-report.tsv} with a per-class summary in
 * {@code target/bad-input-report.md}. They are reported, not asserted: a case that exhausts the heap or hangs fails on
 * its exit code and line instead.
 */
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-input");
  private static final Path CASES = CORPUS.resolve("cases.tsv");
  private static final Path WORK = Path.of("target/bad-input");
  private static final String ROOT = Path.of("..").toAbsolutePath().normalize().toString();
  private static final boolean RECORD = "true".equals(System.getenv("HARNESS_CORPUS_RECORD"));
  private static final Map<Integer, Result> RESULTS = new LinkedHashMap<>();
  private static String corpusBefore;

  /**
   * What the runner measured for one case.
   *
   * @param exit exit code (-1 when it timed out)
   * @param wallMs wall time
   * @param cpuMs CPU time of the case's thread
   * @param peakMb peak heap during the case
   * @param written what the case left in its output folder (empty when nothing)
   * @param line its stderr, with the absolute folders replaced
   */
  record Result(int exit, long wallMs, long cpuMs, double peakMb, String written, String line) {}

  @BeforeAll
  static void runEveryCaseInAChildJvmWithA512MbHeap() throws Exception {
    corpusBefore = corpusListing();
    Files.createDirectories(WORK);
    Path results = WORK.resolve("results.tsv");
    Files.deleteIfExists(results);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:MaxDirectMemorySize=256m", "-XX:+UseSerialGC"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-Dai.djl") || a.startsWith("-Dorg.slf4j"))
        .forEach(command::add);
    command.add("-Dharness.root=" + System.getProperty("harness.root", ".."));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BadInputRunner.class.getName(),
        CASES.toString(), CORPUS.toString(), WORK.resolve("gen").toString(), WORK.resolve("out").toString(),
        results.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(WORK.resolve("child.log").toFile()).start();
    if (!child.waitFor(15, TimeUnit.MINUTES)) {
      child.destroyForcibly();
    }
    List<CorpusCase> cases = CorpusCase.read(CASES);
    for (String line : Files.exists(results) ? Files.readAllLines(results) : List.<String>of()) {
      String[] p = line.split("\t", -1);
      RESULTS.put(Integer.parseInt(p[0]), new Result(Integer.parseInt(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]),
          Double.parseDouble(p[4]), p[5], normalise(unescape(p[6]))));
    }
    CorpusReport.write(cases, RESULTS, WORK.getParent());
    if (RECORD) {
      record(cases);
    }
  }

  static Stream<Integer> cases() throws IOException {
    return Stream.iterate(0, i -> i + 1).limit(CorpusCase.read(CASES).size());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void should_give_one_located_line_its_exit_code_and_write_nothing(int index) throws IOException {
    CorpusCase c = CorpusCase.read(CASES).get(index);
    Result r = RESULTS.get(index);

    assertThat(r).as("case %d (%s) was run; see target/bad-input/child.log", index, c.file()).isNotNull();
    assertThat(r.line()).as("one line").doesNotContain("\n")
        .matches("(harness: )?(.*[^ ]+:\\d+:\\d+: .+|--[a-z-]+: .+|.*option '--[a-z-]+'.+)");
    assertThat(r.written()).as("files written").isEmpty();
    assertThat(r.exit()).as("exit code of %s", c.file()).isEqualTo(c.exit());
    assertThat(r.line()).isEqualTo(c.expected());
  }

  @Test
  void should_hold_at_least_150_broken_inputs_over_every_class() throws IOException {
    List<CorpusCase> all = CorpusCase.read(CASES);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(all.stream().map(CorpusCase::kind).distinct())
        .contains("silent", "resources", "paths", "unclear", "debris");
  }

  @Test
  void should_leave_the_committed_corpus_unchanged() throws IOException {
    assertThat(corpusListing()).isEqualTo(corpusBefore);
  }

  /** The committed inputs as they are (cases.tsv aside, which the record mode rewrites). */
  private static String corpusListing() throws IOException {
    return BadInputRunner.snapshot(CORPUS).replaceAll("(^| )cases\\.tsv:[0-9]+", "");
  }

  private static String normalise(String line) {
    return line.replace(Path.of(WORK.resolve("out").toString()).toAbsolutePath().toString(), "<out>")
        .replace(WORK.resolve("out").toString(), "<out>")
        .replace(WORK.resolve("gen").toAbsolutePath().toString(), "<gen>")
        .replace(WORK.resolve("gen").toString(), "<gen>")
        .replaceAll("<out>/case-[0-9]+", "<out>")
        .replace(ROOT, "<root>");
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void record(List<CorpusCase> cases) throws IOException {
    List<String> lines = new ArrayList<>(List.of(CorpusCase.HEADER));
    for (int i = 0; i < cases.size(); i++) {
      CorpusCase c = cases.get(i);
      Result r = RESULTS.get(i);
      // a line break in a message stays visible in the file (and fails its case) instead of breaking the table
      String line = r == null ? c.expected() : r.line().replace("\n", "\\n").replace("\t", "\\t");
      lines.add(new CorpusCase(c.file(), c.command(), r == null ? c.exit() : r.exit(), c.kind(), line).toLine());
    }
    Files.write(CASES, lines);
  }
}
