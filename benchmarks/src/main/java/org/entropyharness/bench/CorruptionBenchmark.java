package org.entropyharness.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to corrupt one 32×32 CIFAR image, per corruption and severity, on one thread (a one-image batch never forks).
 * Run: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main CorruptionBenchmark
 * -Dharness.root=.} from the repository root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dharness.root=.")
public class CorruptionBenchmark {
  @Param({"gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur", "motion_blur", "zoom_blur",
      "snow", "frost", "fog", "brightness", "contrast", "elastic_transform", "pixelate", "jpeg_compression"})
  public String corruption;

  @Param({"3"})
  public int severity;

  private Corruption c;
  private ImageBatch images;
  private int next;
  private long seed;

  @Setup(Level.Trial)
  public void read() throws Exception {
    c = Corruption.parse(corruption);
    Path root = Path.of(System.getProperty("harness.root", "."));
    ImageBatch all = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), 256);
    images = all;
  }

  /** One image per call, cycling through 256 real test images so the branchy ones see varied content. */
  @Benchmark
  public ImageBatch corruptOneImage() {
    int i = next++ & 255;
    return Corruptions.apply(images.slice(i, i + 1), c, severity, seed++);
  }
}
