package org.entropyharness.lm.train;

import org.entropyharness.lm.embedded.TinyGptConfig;
import org.entropyharness.lm.embedded.WeightsFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTrainerTest {
  private static final TinyGptConfig SMALL = new TinyGptConfig(31, 32, 2, 1, 64, 32);

  @TempDir Path dir;

  private TrainingPlan plan(String name, int steps) {
    return new TrainingPlan(SMALL, 5, steps, 16, 3e-3, List.of(1), dir.resolve(name + ".bin"),
        dir.resolve(name + ".tsv"), null, false, 1);
  }

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void should_lower_the_loss_and_write_the_same_weights_for_the_same_seed() throws Exception {
    new EmbeddedTrainer(plan("a", 40)).train();
    new EmbeddedTrainer(plan("b", 40)).train();
    List<String> log = Files.readAllLines(dir.resolve("a.tsv"));
    double initial = Double.parseDouble(log.get(1).split("\t")[1]);
    double last = Double.parseDouble(log.get(log.size() - 1).split("\t")[1]);
    assertThat(last).isLessThan(initial * 0.7);
    assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("b.bin")));
    assertThat(WeightsFile.read(dir.resolve("a.bin")).config()).isEqualTo(SMALL);
  }
}
