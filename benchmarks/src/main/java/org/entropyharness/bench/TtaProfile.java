package org.entropyharness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import one.profiler.AsyncProfiler;
import one.profiler.Counter;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.method.tta.AdaptationMethod;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.method.tta.TtaResources;
import org.entropyharness.model.CifarResNet;

/**
 * CPU profile of one TTA method streaming CIFAR-10 test images in batches of 200, by async-profiler (its Java API and
 * the native library inside its Maven jar; perf events, sampled every millisecond on all threads). One warm-up pass
 * runs before the profiler starts. Writes {@code OUT.collapsed} (folded stacks, the input of
 * {@code benchmarks/scripts/flamegraph_svg.py}) and {@code OUT.html} (async-profiler's own flame graph).
 *
 * <p>Arguments: {@code METHOD OUT [images] [passes] [depth]} (defaults 2000 images, 3 passes, ResNet-20).
 */
public final class TtaProfile {
  private TtaProfile() {}

  /** Profiles one method. */
  public static void main(String[] args) throws IOException {
    String method = args[0];
    Path out = Path.of(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int passes = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int depth = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    Path root = Path.of(System.getProperty("harness.root", "."));
    ImageBatch images = CifarBinaryReader.read(root.resolve("datasets/cifar10/test_batch.bin"), count);
    ImageBatch clean = method.equals("eata")
        ? CifarBinaryReader.read(root.resolve("datasets/cifar10/train_first2000.bin"), 2000)
        : null;
    AsyncProfiler profiler = AsyncProfiler.getInstance();
    try (CifarResNet model = CifarResNet.load(TtaThroughputBenchmark.checkpoint(depth), depth, "cpu")) {
      for (int pass = 0; pass <= passes; pass++) {
        if (pass == 1) {
          profiler.execute("start,event=cpu,interval=1ms");
        }
        try (AdaptationMethod adaptation = TtaMethods.create(method, Map.of(), model, new TtaResources(clean, 1,
            "cpu"))) {
          for (int from = 0; from < images.count(); from += 200) {
            adaptation.step(images.slice(from, Math.min(images.count(), from + 200)));
          }
        }
      }
      profiler.stop();
    }
    Files.writeString(Path.of(out + ".collapsed"), profiler.dumpCollapsed(Counter.SAMPLES));
    profiler.execute("flamegraph,file=" + out + ".html");
    System.out.println("wrote " + out + ".collapsed and " + out + ".html");
  }
}
