package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.entropyharness.lm.train.rl.RlStep;
import org.entropyharness.store.ArrowTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainRlCommandTest {
  private static final Path SHIPPED =
      Path.of(System.getProperty("harness.root", ".."), "datasets/models/arith-tiny.bin");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int harness(String... args) {
    CommandLine cli = new CommandLine(new HarnessCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void should_write_checkpoints_their_manifest_lines_and_a_training_log_the_harness_reads() throws Exception {
    Path ck = dir.resolve("rl/grpo-plain");
    Path manifest = dir.resolve("rl/MANIFEST.tsv");
    String[] args = {"train-rl", "--treatment", "plain", "--init", SHIPPED.toString(), "--steps", "1", "--prompts", "2",
        "--samples", "2", "--levels", "2", "--seed", "4", "--save-start", "--out-dir", ck.toString(), "--manifest",
        manifest.toString()};
    assertThat(harness(args)).as(err.toString()).isZero();

    List<String> lines = Files.readAllLines(manifest);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("# path\tsha256\torigin\tlicence");
    assertThat(lines.get(2)).isEqualTo("grpo-plain/step-0001.bin\t" + sha256(ck.resolve("step-0001.bin"))
        + "\ttrained here by `harness " + String.join(" ", args) + "` (seed 4, step 1 of 1)\tsame as the project");
    assertThat(lines.get(1)).startsWith("grpo-plain/step-0000.bin\t" + sha256(ck.resolve("step-0000.bin")) + "\t");

    List<RlStep> log = ArrowTables.read(ck.resolve("train-log.arrow"), RlTrainingLog.TABLE);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).step()).isEqualTo(1);
    assertThat(log.get(0).entropy()).isPositive();
    assertThat(log.get(0).sampledTokens()).isPositive();
    assertThat(log.get(0).entropyTerm()).as("no bonus: stored as null, read as NaN").isNaN();
    assertThat(log.get(0).controllerMode()).isNull();

    out.getBuffer().setLength(0);
    assertThat(harness("inspect", ck.resolve("train-log.arrow").toString())).isZero();
    assertThat(out.toString().strip()).isEqualTo(ck.resolve("train-log.arrow") + ": Arrow RL training log, 1 steps");

    // The shape of docs/embedded-model.md's table; 619,166 parameters counted by hand from it (embeddings 3,840 +
    // 16,384, three layers of 198,272, final norm 256, output 3,870).
    out.getBuffer().setLength(0);
    assertThat(harness("inspect", ck.resolve("step-0001.bin").toString())).isZero();
    assertThat(out.toString().strip()).isEqualTo(ck.resolve("step-0001.bin") + ": embedded model weights, vocabulary"
        + " 30, d_model 128, 4 heads, 3 layers, feed-forward 512, context 128; 619166 values");
  }

  @Test
  void should_refuse_a_parameter_of_another_treatment_and_write_nothing() {
    Path ck = dir.resolve("ck");
    assertThat(harness("train-rl", "--treatment", "plain", "--entropy-coef", "0.1", "--out-dir", ck.toString()))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("harness: --entropy-coef does not apply to --treatment plain; drop it");
    assertThat(ck).doesNotExist();
  }

  @Test
  void should_name_the_treatments_it_knows() {
    assertThat(harness("train-rl", "--treatment", "entropy", "--out-dir", dir.resolve("ck").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("harness: --treatment entropy is unknown; use plain, shannon, renyi,"
        + " kl-cov, clip-cov or entropy-schedule");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
