package org.entropyharness.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.entropyharness.data.math.ArithmeticProblems;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.train.DjlTransformer;
import org.entropyharness.lm.embedded.EmbeddedModel;
import org.entropyharness.lm.embedded.JavaTransformer;
import org.entropyharness.lm.embedded.WeightsFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The same full-sequence forward pass (logits at every position of {@code rows} level-5 sequences of 80 tokens) on
 * the hand-written Java arrays and on DJL/libtorch, to justify the hand-written inference. Scores are sequences per
 * second; multiply by 80 for tokens.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dai.djl.offline=true"})
public class EmbeddedForwardBenchmark {
  private static final int LENGTH = 80;

  @Param({"1", "16"})
  public int rows;

  private JavaTransformer java;
  private NDManager manager;
  private DjlTransformer djl;
  private int[][] sequences;

  @Setup
  public void load() throws IOException {
    Path datasets = Path.of(System.getProperty("harness.root", "."), "datasets");
    WeightsFile weights = WeightsFile.read(datasets.resolve(EmbeddedModel.SHIPPED_WEIGHTS));
    java = new JavaTransformer(weights);
    manager = NDManager.newBaseManager();
    djl = DjlTransformer.of(weights, manager);
    sequences = new int[rows][LENGTH];
    CharTokenizer tokenizer = new CharTokenizer();
    ArithmeticProblems problems = new ArithmeticProblems(5);
    for (int r = 0; r < rows; r++) {
      ArithmeticProblems.Example e = problems.example(5, r);
      int[] ids = tokenizer.encode(e.problem().question() + "\n" + e.solution() + " ".repeat(LENGTH));
      System.arraycopy(ids, 0, sequences[r], 0, LENGTH);
    }
  }

  @TearDown
  public void close() {
    manager.close();
  }

  @Benchmark
  public float javaArrays() {
    float sum = 0;
    for (int[] sequence : sequences) {
      sum += java.fullLogits(sequence)[LENGTH - 1][0];
    }
    return sum;
  }

  @Benchmark
  public float djlLibtorch() {
    try (NDManager step = manager.newSubManager()) {
      djl.parameters().values().forEach(p -> p.tempAttach(step));
      int[] flat = new int[rows * LENGTH];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(sequences[r], 0, flat, r * LENGTH, LENGTH);
      }
      NDArray logits = djl.forward(step.create(flat, new Shape(rows, LENGTH)));
      return logits.toFloatArray()[0];
    }
  }
}
