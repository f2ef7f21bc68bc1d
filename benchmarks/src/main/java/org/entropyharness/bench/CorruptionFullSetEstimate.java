package org.entropyharness.bench;

import java.nio.file.Path;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;

/**
 * One-off estimate of generating all of CIFAR-10-C (15 corruptions × 5 severities × 10,000 images = 750,000): times
 * 1,000 images per corruption at severity 3 on the common ForkJoinPool (all cores) after a warm-up, and scales by 50.
 * Prints wall time and process CPU time: on a machine shared with other jobs the wall time overstates the cost, and
 * CPU time divided by the core count is what an idle machine of that size would take.
 * Run: {@code java -Dharness.root=. -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * org.entropyharness.bench.CorruptionFullSetEstimate [images]}.
 */
public final class CorruptionFullSetEstimate {
  private CorruptionFullSetEstimate() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path root = Path.of(System.getProperty("harness.root", "."));
    ImageBatch images = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), n);
    for (Corruption c : Corruption.values()) {
      Corruptions.apply(images.slice(0, Math.min(n, 200)), c, 3, 7);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double wallTotal = 0;
    double cpuTotal = 0;
    System.out.printf("cores: %d, images per corruption: %d, severity 3%n", cores, n);
    System.out.printf("%-18s %12s %12s %16s %16s%n", "corruption", "wall us/img", "cpu us/img", "wall s/50,000",
        "cpu/cores s/50k");
    for (Corruption c : Corruption.values()) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Corruptions.apply(images, c, 3, 1);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      wallTotal += wall * 50_000 / n;
      cpuTotal += cpu * 50_000 / n / cores;
      System.out.printf("%-18s %12.1f %12.1f %16.1f %16.1f%n", c.id(), wall * 1e6 / n, cpu * 1e6 / n,
          wall * 50_000 / n, cpu * 50_000 / n / cores);
    }
    System.out.printf("all 750,000 images, extrapolated: %.0f s wall as measured, %.0f s CPU / %d cores%n", wallTotal,
        cpuTotal, cores);
  }
}
