package org.entropyharness.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's attainable float32 matrix-product rate through the same libtorch the TTA methods run on: square
 * products of side {@code n} (default 1024), GFLOP/s as the median of several timed batches after a warm-up. The
 * roofline that {@code benchmarks/scripts/compare_tta.py} measures a method's convolution work against.
 */
public final class SgemmRate {
  private SgemmRate() {}

  /** Prints {@code sgemm\t<GFLOP/s> GFLOP/s\truns=[…]}; arguments {@code [side] [runs]}. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int products = 20;
    List<Double> rates = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
      NDArray a = manager.randomNormal(new Shape(n, n));
      NDArray b = manager.randomNormal(new Shape(n, n));
      for (int run = 0; run <= runs; run++) {
        long start = System.nanoTime();
        for (int i = 0; i < products; i++) {
          try (NDManager step = manager.newSubManager()) {
            a.matMul(b).attach(step);
          }
        }
        double rate = 2.0 * n * n * n * products / ((System.nanoTime() - start) / 1e9) / 1e9;
        if (run > 0) {
          rates.add(rate);
        }
      }
    }
    System.out.printf("sgemm\t%.1f GFLOP/s\truns=%s%n", Medians.of(rates),
        rates.stream().map(r -> Math.round(r * 10) / 10.0).toList());
  }
}
