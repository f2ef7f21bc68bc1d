package org.entropyharness.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyharness.run.CellContext;
import org.entropyharness.run.CellOutcome;
import org.entropyharness.run.Families;
import org.entropyharness.run.reasoning.ReasoningCellRunner;
import org.entropyharness.suite.CellSpec;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reasoning suite on the OpenAI-compatible client, end to end over loopback HTTP. */
class OpenAiSuiteTest {
  @TempDir Path dir;
  private OpenAiTestServer server;

  @BeforeEach
  void start() throws IOException {
    server = new OpenAiTestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void should_keep_the_suites_max_concurrency_in_flight_across_a_cell() throws IOException {
    server.delayMillis = 100;
    SuiteSpec suite = suite(24, 64);
    CellSpec cell = suite.cells().get(0);
    CellOutcome outcome;
    try (ReasoningCellRunner runner = new ReasoningCellRunner(suite)) {
      outcome = runner.run(cell, new CellContext(Files.createDirectories(dir.resolve("cache")), CellContext.Progress.NONE));
    }
    assertThat(server.requests()).isEqualTo(64);
    assertThat(server.maxInFlight()).isEqualTo(24);
    assertThat(outcome.metrics()).anySatisfy(m -> assertThat(m.metric()).isEqualTo("accuracy"));
  }

  private SuiteSpec suite(int concurrency, int problems) throws IOException {
    Path file = dir.resolve("openai.yaml");
    Files.writeString(file, """
        suite: openai-loopback
        version: 1
        family: reasoning
        tier: smoke
        seeds: [1]
        dataset: {name: arith, levels: [1], per-level: %d, seed: 3}
        model: {backend: openai, name: scripted, endpoints: [%s], max-concurrency: %d, top-logprobs: 5}
        protocol: {max-tokens: 8}
        methods: [greedy]
        metrics: [accuracy, failed]
        """.formatted(problems, server.baseUri(), concurrency));
    return new SuiteLoader(Families.ALL).load(file);
  }
}
