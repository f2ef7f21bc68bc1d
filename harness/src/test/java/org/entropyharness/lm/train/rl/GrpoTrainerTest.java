package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entropyharness.cli.ChildHarness;
import org.entropyharness.lm.embedded.WeightsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-step runs from the shipped model: the same command run again gives the same float32 weights, bit for bit (two
 * {@code harness train-rl} processes, the rerun the promise is about: inside one long test JVM, after other libtorch
 * work, a same-seed training once differed, see {@code EmbeddedTrainerTest}); the run's steps move the model.
 */
class GrpoTrainerTest {
  static final Path SHIPPED = Path.of(System.getProperty("harness.root", ".."), "datasets/models/arith-tiny.bin");

  @TempDir Path dir;

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(Runtime.getRuntime().availableProcessors());
  }

  static RlPlan plan(Path out, RlTreatment treatment, int steps) {
    return new RlPlan(SHIPPED, out, treatment, 3, steps, 4, 4, List.of(2), 1e-3, 0.2, 0.05, 2, 1, true, 1, 2,
        WeightsFile.Precision.FLOAT32);
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private List<RlStep> train(Path out, RlTreatment treatment) throws Exception {
    List<RlStep> steps = new ArrayList<>();
    new GrpoTrainer(plan(out, treatment, 2)).train(new RlListener() {
      @Override
      public void step(RlStep step) {
        steps.add(step);
      }

      @Override
      public void checkpoint(int step, Path file) {}
    });
    return steps;
  }

  /** The command of {@link #plan} with the Shannon bonus at 0.01, in a child JVM. */
  private void trainAsCommand(Path out) throws Exception {
    List<String> command = ChildHarness.command("train-rl",
        "--treatment", "shannon", "--entropy-coef", "0.01", "--init", SHIPPED.toString(), "--seed", "3",
        "--steps", "2", "--prompts", "4", "--samples", "4", "--levels", "2", "--lr", "1e-3", "--clip-eps", "0.2",
        "--kl-coef", "0.05", "--mini-batches", "2", "--checkpoint-every", "1", "--save-start", "--threads", "1",
        "--rollout-threads", "2", "--precision", "FLOAT32", "--out-dir", out.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(out.getFileName() + ".out").toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("train-rl finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve(out.getFileName() + ".out"))).isZero();
  }

  @Test
  void should_write_the_same_weights_for_the_same_command_and_move_away_from_the_start() throws Exception {
    List<RlStep> a = train(dir.resolve("a"), new RlTreatment.ShannonBonus(0.01));
    trainAsCommand(dir.resolve("b"));
    trainAsCommand(dir.resolve("c"));
    assertThat(sha256(dir.resolve("b/step-0002.bin"))).isEqualTo(sha256(dir.resolve("c/step-0002.bin")));
    assertThat(a).allSatisfy(s -> assertThat(s.groupsKept()).as("mixed groups at step %d", s.step()).isPositive());
    assertThat(sha256(dir.resolve("a/step-0001.bin"))).isNotEqualTo(sha256(dir.resolve("a/step-0000.bin")));
    assertThat(WeightsFile.read(dir.resolve("a/step-0000.bin")).tensor("head.b"))
        .containsExactly(WeightsFile.read(SHIPPED).tensor("head.b"));
    assertThat(a).extracting(RlStep::step).containsExactly(1, 2);
    assertThat(a.get(0).klToStart()).as("the first mini-batch meets the start model itself").isGreaterThanOrEqualTo(0);
    assertThat(a.get(1).updateTokens()).isPositive();
    assertThat(a.get(1).entropyTerm()).isPositive();
  }
}
