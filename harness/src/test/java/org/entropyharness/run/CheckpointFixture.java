package org.entropyharness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyharness.lm.embedded.WeightsFile;

/**
 * Checkpoints with known entropy for tests: the shipped embedded model with its output layer multiplied by a scale,
 * which is the same model sampled at temperature 1/scale — so the policy entropy falls as the scale grows.
 */
public final class CheckpointFixture {
  static final Path SHIPPED = Path.of(System.getProperty("harness.root", ".."), "datasets/models/arith-tiny.bin");

  private CheckpointFixture() {}

  /** Writes {@code start.bin} (the shipped model) and {@code ckpt/step-<i>00.bin} for each scale into {@code dir}. */
  public static void write(Path dir, double... scales) throws IOException {
    WeightsFile base = WeightsFile.read(SHIPPED);
    Files.createDirectories(dir.resolve("ckpt"));
    base.write(dir.resolve("start.bin"));
    for (int i = 0; i < scales.length; i++) {
      Map<String, float[]> tensors = new LinkedHashMap<>(base.tensors());
      for (String name : List.of("head.w", "head.b")) {
        float[] scaled = tensors.get(name).clone();
        for (int j = 0; j < scaled.length; j++) {
          scaled[j] *= (float) scales[i];
        }
        tensors.put(name, scaled);
      }
      new WeightsFile(base.config(), tensors).write(dir.resolve("ckpt/step-" + (i + 1) + "00.bin"));
    }
  }
}
