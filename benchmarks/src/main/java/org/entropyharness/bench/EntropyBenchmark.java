package org.entropyharness.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.entropyharness.metric.token.SoftmaxEntropy;
import org.entropyharness.metric.token.TopKEntropy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The token-distribution kernel's entropies ({@link SoftmaxEntropy}, {@link TopKEntropy}) over one next-token logits
 * row of Qwen2.5's vocabulary size (151,936 floats, 607,744 bytes) and over a top-20 logprob vector. Forks run with the Vector API module, as the harness does. Compare ops/s × 607,744 B with {@link EntropyMemoryBaselineBenchmark}.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntropyBenchmark {
  /** Qwen2.5 / Qwen3 vocabulary rows. */
  public static final int VOCABULARY = 151_936;

  private float[] logits;
  private double[] top20;

  @Setup
  public void setUp() {
    Random random = new Random(17);
    logits = new float[VOCABULARY];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (random.nextGaussian() * 3);
    }
    top20 = new double[20];
    double lp = -0.4;
    for (int i = 0; i < top20.length; i++) {
      top20[i] = lp;
      lp -= 0.3 + random.nextDouble();
    }
  }

  @Benchmark
  public double shannon() {
    return SoftmaxEntropy.shannon(logits);
  }

  /** The portable loop that {@link #shannon} replaces when the Vector API module is present. */
  @Benchmark
  public double shannonScalar() {
    return SoftmaxEntropy.scalarShannon(logits);
  }

  @Benchmark
  public double renyi2() {
    return SoftmaxEntropy.renyi(logits, 2);
  }

  @Benchmark
  public double renyiHalf() {
    return SoftmaxEntropy.renyi(logits, 0.5);
  }

  @Benchmark
  public double minEntropy() {
    return SoftmaxEntropy.renyi(logits, Double.POSITIVE_INFINITY);
  }

  /** Entropy of the top 20 logprobs renormalised over those 20: what the OpenAI backend records per token. */
  @Benchmark
  public double top20Renormalised() {
    return TopKEntropy.renormalised(top20);
  }
}
