package org.entropyharness.jupiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entropyharness.gate.GateAssert;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.CellRunners;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.MethodRegistry;
import org.entropyharness.run.Shard;
import org.entropyharness.run.SuiteExecution;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.GateSpec;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * Suites in Jupiter tests: a suite file, or a suite declared in Java with {@link #suite(String)}, becomes
 * {@code @TestFactory} dynamic tests with the same meaning as under the harness engine (one container per cell, a
 * {@code runs} test, one test per gate against {@code baselines/}).
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
    return tests(new SuiteLoader(MethodRegistry.INSTANCE).load(suiteFile));
  }

  /** Dynamic tests of a loaded suite; the cells run when the tests run, into {@code reports/runs/}. */
  public static Stream<DynamicNode> tests(SuiteSpec suite) {
    HarnessPaths paths = HarnessPaths.fromEnvironment();
    List<DynamicNode> cells = new ArrayList<>();
    State state = new State(suite, paths);
    for (CellSpec cell : suite.cells()) {
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("runs", () -> state.run(cell)));
      for (GateSpec gate : suite.gatesFor(cell)) {
        tests.add(DynamicTest.dynamicTest(gate.displayName(), () -> state.gate(cell, gate)));
      }
      cells.add(DynamicContainer.dynamicContainer(cell.id(), tests));
    }
    return Stream.of(DynamicContainer.dynamicContainer(suite.name(), cells));
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
        return new SuiteLoader(MethodRegistry.INSTANCE).load(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Stream<DynamicNode> tests() {
      return JupiterSuites.tests(build());
    }
  }

  /** Runs cells lazily and keeps their rows for the gates. */
  private static final class State {
    private final SuiteSpec suite;
    private final HarnessPaths paths;
    private final Map<String, List<MetricRow>> rows = new LinkedHashMap<>();
    private CellRunner runner;
    private RunDirectory dir;

    State(SuiteSpec suite, HarnessPaths paths) {
      this.suite = suite;
      this.paths = paths;
    }

    void run(CellSpec cell) throws IOException {
      if (runner == null) {
        runner = CellRunners.open(suite);
        dir = new RunDirectory(Files.createDirectories(paths.runs().resolve(suite.name() + "-java-" + System.currentTimeMillis())));
      }
      new SuiteExecution(suite, dir, Shard.ALL, Clock.systemUTC()).runCell(runner, cell, CellContext.Progress.NONE);
      rows.put(cell.id(), dir.readCellMetrics(cell.id()));
    }

    void gate(CellSpec cell, GateSpec gate) throws IOException {
      List<MetricRow> mine = rows.get(cell.id());
      if (mine == null) {
        throw new org.opentest4j.TestAbortedException("the cell " + cell.id() + " did not run");
      }
      MetricRow current = mine.stream().filter(r -> r.metric().equals(gate.metric()) && r.slice().equals(gate.slice()))
          .findFirst().orElseThrow(() -> new AssertionError(cell.id() + " has no " + gate.metric()));
      MetricRow baseline = new Baselines(paths.baselines()).read(suite.name()).orElse(List.of()).stream()
          .filter(r -> r.key().equals(current.key())).findFirst().orElse(null);
      GateAssert.assertThat(current).comparedTo(baseline).passes(gate);
    }
  }
}
