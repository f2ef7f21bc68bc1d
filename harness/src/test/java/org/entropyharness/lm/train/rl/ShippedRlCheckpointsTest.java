package org.entropyharness.lm.train.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped GRPO checkpoints (datasets/models/rl): what docs/rl-entropy.md says of them, checked on the files
 * themselves — every checkpoint has a MANIFEST line with its own sha256 (computed here with the JDK's digest, not the
 * harness's) and the command that made it, each run has at least five checkpoints, all start from the same bytes,
 * and the folder stays within 40 MB.
 */
class ShippedRlCheckpointsTest {
  private static final Path RL = Path.of(System.getProperty("harness.root", ".."), "datasets/models/rl");
  private static final long MAX_BYTES = 40L * 1000 * 1000;

  @ParameterizedTest
  @ValueSource(strings = {"plain", "shannon", "renyi", "kl-cov", "entropy-schedule"})
  void should_ship_at_least_five_checkpoints_per_treatment_each_with_its_manifest_line(String treatment)
      throws Exception {
    Map<String, String[]> manifest = manifest();
    List<Path> checkpoints = checkpoints(RL.resolve("grpo-" + treatment));
    assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(5);
    for (Path file : checkpoints) {
      String key = "grpo-" + treatment + "/" + file.getFileName();
      assertThat(manifest).as(key).containsKey(key);
      assertThat(manifest.get(key)[1]).as(key).isEqualTo(sha256(file));
      assertThat(manifest.get(key)[2]).as(key)
          .startsWith("trained here by `harness train-rl --treatment " + treatment + " ")
          .contains("--seed 101 ", "--steps 120 ", "--threads 1 ");
    }
    assertThat(Files.exists(RL.resolve("grpo-" + treatment + "/train-log.arrow"))).isTrue();
  }

  @Test
  void should_start_every_treatment_from_the_same_bytes() throws Exception {
    String plain = sha256(RL.resolve("grpo-plain/step-0000.bin"));
    for (String t : List.of("shannon", "renyi", "kl-cov", "entropy-schedule")) {
      assertThat(sha256(RL.resolve("grpo-" + t + "/step-0000.bin"))).as(t).isEqualTo(plain);
    }
  }

  @Test
  void should_keep_the_shipped_runs_within_40_megabytes() throws IOException {
    long bytes;
    try (Stream<Path> files = Files.walk(RL)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    assertThat(bytes).isLessThanOrEqualTo(MAX_BYTES);
  }

  private static Map<String, String[]> manifest() throws IOException {
    Map<String, String[]> lines = new HashMap<>();
    for (String line : Files.readAllLines(RL.resolve("MANIFEST.tsv"))) {
      if (!line.startsWith("#")) {
        String[] fields = line.split("\t");
        lines.put(fields[0], fields);
      }
    }
    return lines;
  }

  private static List<Path> checkpoints(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("step-\\d{4}\\.bin")).sorted().toList();
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
