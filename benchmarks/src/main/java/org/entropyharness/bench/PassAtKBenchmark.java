package org.entropyharness.bench;

import java.util.concurrent.TimeUnit;
import org.entropyharness.metric.PassAtK;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Unbiased pass@k for every k = 1..256 of one question with n = 256 samples, c of them correct. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PassAtKBenchmark {
  @Param({"1", "32", "128", "255"})
  public int correct;

  @Benchmark
  public double[] everyKOf256() {
    return PassAtK.passAtEveryK(256, correct);
  }
}
