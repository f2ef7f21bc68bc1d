package org.entropyharness.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entropyharness.gate.GateVerdict;
import org.entropyharness.report.AllureCellReport;
import org.entropyharness.report.MetricsCsv;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellOutcome;
import org.entropyharness.run.CellRunner;
import org.entropyharness.run.Families;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.run.SessionOptions;
import org.entropyharness.run.SuiteSession;
import org.entropyharness.run.RunProgress;
import org.entropyharness.run.Shard;
import org.entropyharness.store.Baselines;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.store.MetricRow;
import org.entropyharness.store.RunDirectory;
import org.entropyharness.store.SampleRow;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;

/**
 * What the harness itself costs in a smoke run. Each suite runs twice through the pipeline of {@code harness run}
 * plus the engine's per-cell report (load and check the suite, expand cells, run them into a run folder with Arrow
 * per cell, consolidate, read the baseline, gate, metrics CSV and charts per cell):
 * <ol>
 *   <li>for real, with the model and method timed apart (opening the runner, which loads weights and data, and each
 *       cell's compute);
 *   <li>with a replay model whose compute is negligible: it returns, instantly, the outcomes the real run produced,
 *       so the harness handles exactly the same rows.
 * </ol>
 * The replay run's wall time is the harness's cost; its share of the real run's wall time is the overhead.
 * Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED --add-modules=jdk.incubator.vector
 * -Dai.djl.offline=true -Dharness.root=$PWD -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*'
 * org.entropyharness.bench.HarnessOverheadBenchmark [runs] [suite.yaml…]}; prints medians over the runs.
 */
public final class HarnessOverheadBenchmark {
  private static final List<String> DEFAULT_SUITES =
      List.of("suites/arith-reasoning-smoke.yaml", "suites/cifar10c-tta-smoke.yaml");

  private HarnessOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path root = Path.of(System.getProperty("harness.root", "."));
    List<String> suites = args.length > 1 ? List.of(args).subList(1, args.length) : DEFAULT_SUITES;
    System.out.printf("%-22s %-5s %8s %8s %8s %9s %7s %7s %7s %7s %9s %9s%n", "suite", "jvm", "real s", "model s",
        "rest s", "replay s", "load", "cells", "gate", "report", "replay/re", "rest/real");
    for (String file : suites) {
      List<Timing> timings = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        timings.add(measure(root.resolve(file)));
      }
      // The first measurement pays class loading and JIT warm-up, as every `harness run` (a fresh JVM) does.
      print(name(file), "cold", timings.get(0));
      if (runs > 1) {
        print(name(file), "warm", Timing.median(timings.subList(1, runs)));
      }
    }
  }

  private static void print(String suite, String jvm, Timing t) {
    Phases r = t.replay();
    System.out.printf(Locale.ROOT, "%-22s %-5s %8.2f %8.2f %8.3f %9.3f %7.3f %7.3f %7.3f %7.3f %8.2f%% %8.2f%%%n", suite,
        jvm, t.real(), t.model(), t.real() - t.model(), r.total(), r.load(), r.cells(), r.gate(), r.report(),
        100 * r.total() / t.real(), 100 * (t.real() - t.model()) / t.real());
  }

  private static String name(String file) {
    return Path.of(file).getFileName().toString().replace(".yaml", "");
  }

  /**
   * Where a pipeline's wall time went, in seconds.
   *
   * @param load loading and checking the suite
   * @param cells running the cells into the run folder (Arrow per cell, manifest, consolidation)
   * @param gate reading the baseline and gating
   * @param report reading each cell back, its metrics CSV and charts
   */
  record Phases(double load, double cells, double gate, double report) {
    double total() {
      return load + cells + gate + report;
    }
  }

  /**
   * One measurement.
   *
   * @param real wall time of the real run, in seconds
   * @param model the part of it spent opening the runner (weights, data) and in the cells' compute
   * @param replay the phases of the same run with the replay model
   */
  record Timing(double real, double model, Phases replay) {
    static Timing median(List<Timing> timings) {
      return new Timing(median(timings, Timing::real), median(timings, Timing::model),
          new Phases(median(timings, t -> t.replay().load()), median(timings, t -> t.replay().cells()),
              median(timings, t -> t.replay().gate()), median(timings, t -> t.replay().report())));
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> part) {
      return Medians.of(timings.stream().map(part::applyAsDouble).toList());
    }
  }

  private static Timing measure(Path suiteFile) throws Exception {
    Map<String, Fingerprint> fingerprints = new HashMap<>();
    Map<String, CellOutcome> outcomes = new HashMap<>();
    long[] modelNanos = new long[1];
    long start = System.nanoTime();
    pipeline(suiteFile, suite -> {
      long opening = System.nanoTime();
      CellRunner runner = Families.of(suite).open(suite);
      modelNanos[0] += System.nanoTime() - opening;
      return new TimedRunner(runner, modelNanos, fingerprints, outcomes);
    });
    double real = (System.nanoTime() - start) / 1e9;
    Phases replay = pipeline(suiteFile, suite -> new ReplayRunner(fingerprints, outcomes));
    return new Timing(real, modelNanos[0] / 1e9, replay);
  }

  /** Opens the runner of a suite. */
  @FunctionalInterface
  interface RunnerFactory {
    CellRunner open(SuiteSpec suite) throws IOException;
  }

  /** {@code harness run} on one suite into a temporary run folder, then the engine's per-cell CSV and charts. */
  private static Phases pipeline(Path suiteFile, RunnerFactory factory) throws Exception {
    long t0 = System.nanoTime();
    SuiteSpec suite = new SuiteLoader(Families.ALL).load(suiteFile);
    Families.of(suite).check(suite);
    long t1 = System.nanoTime();
    Path runs = Files.createTempDirectory("harness-overhead");
    try {
      Path root = Path.of(System.getProperty("harness.root", "."));
      SessionOptions options = SessionOptions.defaults(new HarnessPaths(root)).withRuns(runs);
      SuiteSession session = SuiteSession.open(suite, options, suite.cells(), factory.open(suite));
      List<GateVerdict> verdicts = new ArrayList<>();
      long t2;
      try (session) {
        session.runAll(RunProgress.silent());
        t2 = System.nanoTime();
        for (CellSpec cell : suite.cells()) {
          verdicts.addAll(session.gates(cell));
        }
      }
      RunDirectory dir = session.dir();
      if (verdicts.size() != suite.cells().stream().mapToInt(c -> suite.gatesFor(c).size()).sum()) {
        throw new IllegalStateException(suite.name() + ": not every gate was decided");
      }
      long t3 = System.nanoTime();
      for (CellSpec cell : suite.cells()) {
        List<MetricRow> cellRows = dir.readCellMetrics(cell.id());
        List<SampleRow> samples = dir.readCellSamples(cell.id());
        int bytes = MetricsCsv.of(cellRows).getBytes(StandardCharsets.UTF_8).length;
        for (AllureCellReport.Chart chart : AllureCellReport.charts(Families.of(suite), cellRows, samples)) {
          bytes += chart.png().length;
        }
        if (bytes == 0) {
          throw new IllegalStateException(cell.id() + ": empty report");
        }
      }
      long t4 = System.nanoTime();
      return new Phases((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    } finally {
      deleteTree(runs);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The real runner, with the time spent in its cells added up and each cell's fingerprint and outcome kept. */
  private static final class TimedRunner implements CellRunner {
    private final CellRunner inner;
    private final long[] nanos;
    private final Map<String, Fingerprint> fingerprints;
    private final Map<String, CellOutcome> outcomes;

    TimedRunner(CellRunner inner, long[] nanos, Map<String, Fingerprint> fingerprints, Map<String, CellOutcome> outcomes) {
      this.inner = inner;
      this.nanos = nanos;
      this.fingerprints = fingerprints;
      this.outcomes = outcomes;
    }

    @Override
    public Fingerprint fingerprint(CellSpec cell) throws IOException {
      Fingerprint fingerprint = inner.fingerprint(cell);
      fingerprints.put(cell.id(), fingerprint);
      return fingerprint;
    }

    @Override
    public CellOutcome run(CellSpec cell, CellContext context) throws IOException {
      long start = System.nanoTime();
      CellOutcome outcome = inner.run(cell, context);
      nanos[0] += System.nanoTime() - start;
      outcomes.put(cell.id(), outcome);
      return outcome;
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }

  /**
   * A model with negligible compute: each cell returns what the real run computed, under the real run's
   * fingerprints (the real runner hashes its inputs when it opens, with the weights and data it loads).
   */
  private static final class ReplayRunner implements CellRunner {
    private final Map<String, Fingerprint> fingerprints;
    private final Map<String, CellOutcome> outcomes;

    ReplayRunner(Map<String, Fingerprint> fingerprints, Map<String, CellOutcome> outcomes) {
      this.fingerprints = fingerprints;
      this.outcomes = outcomes;
    }

    @Override
    public Fingerprint fingerprint(CellSpec cell) {
      return fingerprints.get(cell.id());
    }

    @Override
    public CellOutcome run(CellSpec cell, CellContext context) {
      return outcomes.get(cell.id());
    }
  }
}
