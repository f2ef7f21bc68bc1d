package org.entropyharness.jupiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entropyharness.engine.Constants;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.Families;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * Suites in Jupiter tests: a suite file, or a suite declared in Java with {@link #suite(String)}, becomes
 * {@code @TestFactory} dynamic tests with the same meaning as under the harness engine (one container per cell, a
 * {@code runs} test, one test per gate against {@code baselines/}, the same session and gate policy; the system
 * properties {@code harness.allowFingerprintMismatch} and {@code harness.requireBaselines} apply).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> greedy_beats_nothing() {
 *   return JupiterSuites.suite("arith-java").family("reasoning")
 *       .section("dataset", Map.of("name", "arith", "levels", List.of(1), "per-level", 5))
 *       .section("model", Map.of("backend", "embedded"))
 *       .method("greedy").method("sample", Map.of("n", 4))
 *       .metrics("accuracy", "pass@4").gate("accuracy", "5pp")
 *       .tests();
 * }
 * }</pre>
 */
public final class JupiterSuites {
  private JupiterSuites() {}

  /** Dynamic tests of a suite file. */
  public static Stream<DynamicNode> tests(Path suiteFile) {
    return tests(new SuiteLoader(Families.ALL).load(suiteFile));
  }

  /**
   * Dynamic tests of a loaded suite. The cells run when their tests run, in one session (the model loads once), into
   * a run folder under {@code reports/runs/} like any other run's; the run's tables are written when JUnit closes the
   * returned stream, after the last test.
   */
  public static Stream<DynamicNode> tests(SuiteSpec suite) {
    SessionOptions options = SessionOptions.defaults(HarnessPaths.fromEnvironment())
        .allowingFingerprintMismatch(Boolean.getBoolean(Constants.ALLOW_FINGERPRINT_MISMATCH))
        .requiringBaselines(Boolean.getBoolean(Constants.REQUIRE_BASELINES));
    LazySession session = new LazySession(suite, options);
    List<DynamicNode> cells = new ArrayList<>();
    for (CellSpec cell : suite.cells()) {
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("runs", () -> session.get().run(cell, CellContext.Progress.NONE)));
      for (GateSpec gate : suite.gatesFor(cell)) {
        tests.add(DynamicTest.dynamicTest(gate.displayName(), () -> session.gate(cell, gate)));
      }
      cells.add(DynamicContainer.dynamicContainer(cell.id(), tests));
    }
    return Stream.<DynamicNode>of(DynamicContainer.dynamicContainer(suite.name(), cells)).onClose(session::close);
  }

  /** Starts a suite declared in Java; it is validated exactly like a file (it is written as one). */
  public static Builder suite(String name) {
    return new Builder(name);
  }

  /** Declares a suite key by key. */
  public static final class Builder {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> methods = new ArrayList<>();
    private final List<Object> gates = new ArrayList<>();

    private Builder(String name) {
      root.put("suite", name);
    }

    public Builder family(String family) {
      root.put("family", family);
      return this;
    }

    /** A mapping section: {@code dataset}, {@code model} or {@code protocol}. */
    public Builder section(String key, Map<String, ?> values) {
      root.put(key, values);
      return this;
    }

    public Builder method(String id) {
      methods.add(id);
      return this;
    }

    public Builder method(String id, Map<String, ?> params) {
      methods.add(Map.of(id, params));
      return this;
    }

    public Builder metrics(String... names) {
      root.put("metrics", List.of(names));
      return this;
    }

    public Builder gate(String metric, String worseByAtMost) {
      gates.add(Map.of("metric", metric, "worse-by-at-most", worseByAtMost));
      return this;
    }

    /** The suite, written to {@code target/java-suites/<name>.yaml} and loaded from there. */
    public SuiteSpec build() {
      root.put("methods", methods);
      if (!gates.isEmpty()) {
        root.put("gates", gates);
      }
      try {
        Path dir = Files.createDirectories(Path.of("target", "java-suites"));
        Path file = dir.resolve(root.get("suite") + ".yaml");
        Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(root));
        return new SuiteLoader(Families.ALL).load(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Stream<DynamicNode> tests() {
      return JupiterSuites.tests(build());
    }
  }

  /** Opens the suite's session at the first test that needs it and closes it with the stream. */
  private static final class LazySession {
    private final SuiteSpec suite;
    private final SessionOptions options;
    private SuiteSession session;

    LazySession(SuiteSpec suite, SessionOptions options) {
      this.suite = suite;
      this.options = options;
    }

    SuiteSession get() throws IOException {
      if (session == null) {
        session = SuiteSession.open(suite, options);
      }
      return session;
    }

    void gate(CellSpec cell, GateSpec gate) throws IOException {
      GateVerdict verdict;
      try {
        verdict = get().gate(cell, gate);
      } catch (IOException | RuntimeException cellFailed) {
        throw new TestAbortedException("the cell " + cell.id() + " did not run: " + cellFailed.getMessage());
      }
      GateAssert.assertThat(verdict).passes();
    }

    void close() {
      if (session != null) {
        try {
          session.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
