package org.entropyharness.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The memory-bandwidth yardstick for {@link EntropyBenchmark}, measured in the same JVM: copying 256 MB with
 * {@code System.arraycopy} (too large for any cache). Copy bandwidth is ops/s × 256 MiB; the bus moves twice that
 * (one read, one write). A read-only sum over the same array gives the streaming-read rate.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntropyMemoryBaselineBenchmark {
  public static final int BYTES = 256 << 20;

  private byte[] source;
  private byte[] target;
  private float[] floats;

  @Setup
  public void setUp() {
    source = new byte[BYTES];
    target = new byte[BYTES];
    for (int i = 0; i < BYTES; i += 4096) {
      source[i] = (byte) i;
      target[i] = 1;
    }
    floats = new float[BYTES / 4];
    java.util.Arrays.fill(floats, 1f);
  }

  @Benchmark
  public byte copy256MiB() {
    System.arraycopy(source, 0, target, 0, BYTES);
    return target[BYTES - 1];
  }

  @Benchmark
  public float readSum256MiB() {
    float a = 0, b = 0, c = 0, d = 0;
    for (int i = 0; i < floats.length; i += 4) {
      a += floats[i];
      b += floats[i + 1];
      c += floats[i + 2];
      d += floats[i + 3];
    }
    return a + b + c + d;
  }
}
