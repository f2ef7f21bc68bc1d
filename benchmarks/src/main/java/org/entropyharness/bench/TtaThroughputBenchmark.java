package org.entropyharness.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Throughput of TTA methods on a CIFAR ResNet with batches of 200 CIFAR-10 test images, the Java side of the
 * comparison with {@code benchmarks/python/tta_reference.py bench} (same checkpoint, same images, same batches,
 * same method parameters). {@link #main} prints images/s as the median of several runs in the format of the Python script, so
 * the two can be run back to back; the JMH methods measure one step per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TtaThroughputBenchmark {
  private static final int BATCH = 200;

  @Param({"source", "bn-adapt", "tent", "eata", "sar"})
  public String method;

  private CifarResNet model;
  private AdaptationMethod adaptation;
  private ImageBatch batch;

  /** Loads the model and one batch of 200 images. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    model = CifarResNet.load(root().resolve("datasets/models/resnet20-12fca82f.th"), 20, "cpu");
    adaptation = TtaMethods.create(method, Map.of(), model, resources(method));
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

  /** EATA's Fisher estimate needs the 2,000 clean training images; the other methods need nothing. */
  private static TtaResources resources(String method) throws IOException {
    ImageBatch clean = method.equals("eata")
        ? CifarBinaryReader.read(root().resolve("datasets/cifar10/train_first2000.bin"), 2000)
        : null;
    return new TtaResources(clean, 1, "cpu");
  }

  /**
   * Side-by-side run: {@code [runs] [images] [depth] [methods]} (defaults 5, 2000, 20, source,bn-adapt,tent). Each
   * run creates a fresh method (EATA's Fisher estimate included) and then, on the clock, streams the images in
   * batches of 200; one warm-up run is discarded.
   */
  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int depth = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<String> methods = List.of((args.length > 3 ? args[3] : "source,bn-adapt,tent").split(","));
    ImageBatch images = CifarBinaryReader.read(root().resolve("datasets/cifar10/test_batch.bin"), count);
    try (CifarResNet model = CifarResNet.load(checkpoint(depth), depth, "cpu")) {
      for (String id : methods) {
        TtaResources resources = resources(id);
        List<Double> rates = new ArrayList<>();
        double accuracy = 0;
        for (int run = 0; run <= runs; run++) {
          try (AdaptationMethod adaptation = TtaMethods.create(id, Map.of(), model, resources)) {
            long start = System.nanoTime();
            accuracy = streamOnce(adaptation, images);
            double rate = images.count() / ((System.nanoTime() - start) / 1e9);
            if (run > 0) {
              rates.add(rate);
            }
          }
        }
        System.out.printf("%s\t%.1f images/s\truns=%s\taccuracy=%.4f%n", id, Medians.of(rates), rounded(rates), accuracy);
      }
    }
  }

  static Path checkpoint(int depth) {
    return root().resolve(switch (depth) {
      case 20 -> "datasets/models/resnet20-12fca82f.th";
      case 32 -> "datasets/models/resnet32-d509ac18.th";
      case 56 -> "datasets/models/resnet56-4bfd9763.th";
      default -> throw new IllegalArgumentException("depth " + depth + ": the shipped checkpoints are 20, 32 and 56");
    });
  }

  private static double streamOnce(AdaptationMethod adaptation, ImageBatch images) {
    int correct = 0;
    for (int from = 0; from < images.count(); from += BATCH) {
      ImageBatch batch = images.slice(from, Math.min(images.count(), from + BATCH));
      int[] predicted = adaptation.step(batch).predictions();
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == batch.labels()[i] ? 1 : 0;
      }
    }
    return (double) correct / images.count();
  }

  private static List<Double> rounded(List<Double> values) {
    return values.stream().map(v -> Math.round(v * 10) / 10.0).toList();
  }
}
