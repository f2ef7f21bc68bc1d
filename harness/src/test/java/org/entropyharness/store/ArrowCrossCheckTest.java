package org.entropyharness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow JS (a second, independent Arrow implementation, run under Node) reads the files the harness writes. */
class ArrowCrossCheckTest {
  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

  @TempDir Path dir;

  @BeforeAll
  static void installArrowJs() throws Exception {
    assumeTrue(run(List.of("node", "--version"), NODE_DIR).exitCode == 0, "Node.js is not installed");
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/apache-arrow"))) {
      Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), NODE_DIR);
      assertThat(npm.exitCode).as("npm ci in %s: %s", NODE_DIR, npm.output).isZero();
    }
  }

  @Test
  void should_be_read_by_arrow_js_with_the_same_values() throws Exception {
    MetricRow row = MetricRowsFixture.errorRow("tent@1", 4, 1, MetricRowsFixture.FINGERPRINT);
    Path file = dir.resolve("metrics.arrow");
    ArrowTables.write(file, MetricRow.TABLE, List.of(row));

    JsonNode table = readWithArrowJs(file);

    assertThat(table.get("numRows").asInt()).isEqualTo(1);
    assertThat(table.get("metadata").get("entropyharness.table").asText()).isEqualTo("metrics");
    assertThat(table.get("fields")).extracting(f -> f.get("name").asText())
        .containsExactlyElementsOf(MetricRow.TABLE.columns().stream().map(Column::name).toList());
    JsonNode r = table.get("rows").get(0);
    assertThat(r.get("cell_id").asText()).isEqualTo("tent@1");
    assertThat(r.get("value").asDouble()).isEqualTo(0.25);
    assertThat(r.get("seed").asLong()).isEqualTo(1);
    assertThat(r.get("higher_is_better").asBoolean()).isFalse();
    assertThat(r.get("created_at").asLong()).isEqualTo(row.createdAt().toEpochMilli());
    assertThat(r.get("item_ids")).extracting(JsonNode::asText).containsExactly("item-0", "item-1", "item-2", "item-3");
    assertThat(r.get("item_values")).extracting(JsonNode::asDouble).containsExactly(1.0, 0.0, 0.0, 0.0);
  }

  @Test
  void should_read_sample_rows_with_nulls_and_float_lists() throws Exception {
    Path file = dir.resolve("samples.arrow");
    ArrowTables.write(file, SampleRow.TABLE, List.of(
        SampleRow.classified("source@1", "source", 1, "fog/5", "fog/5/7", 2, 3, 0.75, 0.5),
        new SampleRow("greedy@1", "greedy", 1, "L1", "arith/L1/0", 0, "12", "12", true, 0.9, 0.25, 10, 3,
            new float[] {0.5f, 0.25f, 0f}, "so \\boxed{12}", "boxed", "ok")));

    JsonNode rows = readWithArrowJs(file).get("rows");

    assertThat(rows.get(0).get("correct").asBoolean()).isFalse();
    assertThat(rows.get(0).get("token_entropies").isNull()).isTrue();
    assertThat(rows.get(0).get("prompt_tokens").isNull()).isTrue();
    assertThat(rows.get(1).get("token_entropies")).extracting(JsonNode::asDouble).containsExactly(0.5, 0.25, 0.0);
    assertThat(rows.get(1).get("text").asText()).isEqualTo("so \\boxed{12}");
  }

  private static JsonNode readWithArrowJs(Path file) throws Exception {
    Result result = run(List.of("node", "read-arrow.mjs", file.toString()), NODE_DIR);
    assertThat(result.exitCode).as("node read-arrow.mjs: %s", result.output).isZero();
    return new ObjectMapper().readTree(result.output);
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    return new Result(p.exitValue(), out);
  }
}
