package org.entropyharness.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.method.tta.AdaptationMethod;
import org.entropyharness.method.tta.StepResult;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.method.tta.TtaResources;
import org.entropyharness.model.CifarResNet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of Source, BN-adapt and Tent on ResNet-20 with batches of 200 CIFAR-10 test images, the Java side
 * of the comparison with {@code benchmarks/python/tta_reference.py bench} (same checkpoint, same images, same
 * batches). {@link #main} prints images/s as the median of several runs in the format of the Python script, so
 * the two can be run back to back; the JMH methods measure one step per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TtaThroughputBenchmark {
  private static final int BATCH = 200;

  @Param({"source", "bn-adapt", "tent"})
  public String method;

  private CifarResNet model;
  private AdaptationMethod adaptation;
  private ImageBatch batch;

  /** Loads the model and one batch of 200 images. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    model = CifarResNet.load(root().resolve("datasets/models/resnet20-12fca82f.th"), 20, "cpu");
    adaptation = TtaMethods.create(method, Map.of(), model, new TtaResources(null, 1, "cpu"));
    batch = CifarBinaryReader.read(root().resolve("datasets/cifar10/test_batch.bin"), BATCH);
  }

  /** One adaptation step on a batch of 200 images (multiply the score by 200 for images/s). */
  @Benchmark
  public StepResult step() {
    return adaptation.step(batch);
  }

  /** Frees native memory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    adaptation.close();
    model.close();
  }

  private static Path root() {
    return Path.of(System.getProperty("harness.root", "."));
  }

  /**
   * Side-by-side run: {@code [runs] [images]} (defaults 5 and 2000). Each run creates a fresh method and streams
   * the images in batches of 200; one warm-up run is discarded.
   */
  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    ImageBatch images = CifarBinaryReader.read(root().resolve("datasets/cifar10/test_batch.bin"), count);
    try (CifarResNet model = CifarResNet.load(root().resolve("datasets/models/resnet20-12fca82f.th"), 20, "cpu")) {
      for (String id : List.of("source", "bn-adapt", "tent")) {
        List<Double> rates = new ArrayList<>();
        double accuracy = 0;
        for (int run = 0; run <= runs; run++) {
          long start = System.nanoTime();
          accuracy = streamOnce(model, id, images);
          double rate = images.count() / ((System.nanoTime() - start) / 1e9);
          if (run > 0) {
            rates.add(rate);
          }
        }
        System.out.printf("%s\t%.1f images/s\truns=%s\taccuracy=%.4f%n", id, median(rates), rounded(rates), accuracy);
      }
    }
  }

  private static double streamOnce(CifarResNet model, String id, ImageBatch images) {
    int correct = 0;
    try (AdaptationMethod adaptation = TtaMethods.create(id, Map.of(), model, new TtaResources(null, 1, "cpu"))) {
      for (int from = 0; from < images.count(); from += BATCH) {
        ImageBatch batch = images.slice(from, Math.min(images.count(), from + BATCH));
        int[] predicted = adaptation.step(batch).predictions();
        for (int i = 0; i < predicted.length; i++) {
          correct += predicted[i] == batch.labels()[i] ? 1 : 0;
        }
      }
    }
    return (double) correct / images.count();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static List<Double> rounded(List<Double> values) {
    return values.stream().map(v -> Math.round(v * 10) / 10.0).toList();
  }
}
