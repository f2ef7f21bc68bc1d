package org.entropyharness.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.entropyharness.lm.Decoding;
import org.entropyharness.lm.token.TokenChoice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decoding step of a full-logit backend ({@link TokenChoice#choose}: exact entropy, log-softmax, DeepConf
 * confidence and the choice) over the embedded model's 31-token vocabulary and Qwen2.5's 151,936, greedy and sampled
 * at temperature 0.8 with top-p 0.95. The logits rotate over 16 rows so no branch predictor learns one.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenChoiceBenchmark {
  @Param({"31", "151936"})
  public int vocabulary;

  @Param({"0", "0.8"})
  public double temperature;

  private float[][] rows;
  private Decoding decoding;
  private SplittableRandom random;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(17);
    rows = new float[16][vocabulary];
    for (float[] row : rows) {
      for (int i = 0; i < vocabulary; i++) {
        row[i] = (float) (r.nextGaussian() * 4);
      }
    }
    decoding = new Decoding(temperature, 0.95, 0, 0, null, 1);
    random = new SplittableRandom(1);
  }

  @Benchmark
  public TokenChoice step() {
    next = (next + 1) & 15;
    return TokenChoice.choose(rows[next], 0, vocabulary, decoding, 20, random);
  }
}
