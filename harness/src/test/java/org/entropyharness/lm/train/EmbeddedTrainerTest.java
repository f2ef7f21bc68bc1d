package org.entropyharness.lm.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entropyharness.cli.ChildHarness;
import org.entropyharness.lm.embedded.CharTokenizer;
import org.entropyharness.lm.embedded.TinyGptConfig;
import org.entropyharness.lm.embedded.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTrainerTest {
  private static final TinyGptConfig SMALL =
      new TinyGptConfig(new CharTokenizer().vocabularySize(), 32, 2, 1, 64, 32);

  @TempDir Path dir;

  /**
   * Reproducibility is promised for a rerun of the command ({@code --threads 1}), so the two trainings run as two
   * processes, as a user's rerun would. (Two trainings inside one long test JVM once differed in a fresh-clone run,
   * after the libtorch state of earlier tests; in a JVM of their own they never have.)
   */
  @Test
  void should_lower_the_loss_and_write_the_same_weights_when_the_command_is_run_again() throws Exception {
    train("a");
    train("b");
    List<String> log = Files.readAllLines(dir.resolve("a.tsv"));
    double initial = Double.parseDouble(log.get(1).split("\t")[1]);
    double last = Double.parseDouble(log.get(log.size() - 1).split("\t")[1]);
    assertThat(last).isLessThan(initial * 0.7);
    assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("b.bin")));
    assertThat(WeightsFile.read(dir.resolve("a.bin")).config()).isEqualTo(SMALL);
  }

  private void train(String name) throws Exception {
    List<String> command = ChildHarness.command("train-embedded",
        "--seed", "5", "--steps", "40", "--batch", "16", "--lr", "3e-3", "--levels", "1", "--threads", "1",
        "--d-model", "32", "--layers", "1", "--heads", "2", "--ff-dim", "64", "--max-length", "32",
        "--out", dir.resolve(name + ".bin").toString(), "--log", dir.resolve(name + ".tsv").toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("train-embedded finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve(name + ".out"))).isZero();
  }
}
