package org.entropyharness.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.GenerationRequest;
import org.entropyharness.lm.Trace;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding throughput of the embedded model: 16 sampled traces of a level-5 problem, decoded one at a time
 * ({@code batch=1}, single stream) or together ({@code batch=16}). Both produce the same traces, so the {@code tokens}
 * counter (generated tokens per second) compares like with like. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dai.djl.offline=true"})
public class EmbeddedDecodeBenchmark {
  private static final String PROMPT = "(33+70*6-4+74)/8";

  @Param({"1", "16"})
  public int batch;

  private EmbeddedModel model;
  private long seed;

  /** Generated tokens per second, reported next to calls per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Tokens {
    public long tokens;

    @Setup(Level.Iteration)
    public void reset() {
      tokens = 0;
    }
  }

  @Setup
  public void load() throws IOException {
    Path datasets = Path.of(System.getProperty("harness.root", "."), "datasets");
    model = EmbeddedModel.load(datasets.resolve(EmbeddedModel.SHIPPED_WEIGHTS), datasets.resolve("MANIFEST.tsv"),
        batch);
  }

  @TearDown
  public void close() {
    model.close();
  }

  @Benchmark
  public List<Trace> sixteenTraces(Tokens counter) {
    List<Trace> traces = model.generate(
        new GenerationRequest("bench", PROMPT, new Decoding(0.8, 1, 0, 0, null, 128), 16, seed++ % 64));
    for (Trace t : traces) {
      counter.tokens += t.completionTokens();
    }
    return traces;
  }
}
