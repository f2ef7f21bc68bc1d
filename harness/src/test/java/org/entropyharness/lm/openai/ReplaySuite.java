package org.entropyharness.lm.openai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.run.Families;
import org.entropyharness.run.SessionRuns;
import org.entropyharness.run.Shard;
import org.entropyharness.store.MetricRow;
import org.entropyharness.suite.SuiteLoader;
import org.entropyharness.suite.SuiteSpec;

/**
 * A reasoning suite over the recorded problems against a {@link ReplayServer}, run as a user runs one: a suite file,
 * a suite session into a run folder ({@link SessionRuns}).
 */
final class ReplaySuite {
  static final String METRICS = "[accuracy, pass@1, pass@4, tokens, entropy, confidence, confidence-ece, "
      + "auroc-entropy, failed]";

  private ReplaySuite() {}

  /** The suite file's text. */
  static String yaml(ReplayServer server, String serverKey, String methods, String protocolExtra) {
    boolean chat = server.variant().path("api").asText().equals("chat");
    return """
        suite: replay
        version: 1
        family: reasoning
        tier: smoke
        seeds: [1]
        dataset: {name: jsonl, jsonl: %s, fields: {question: question, answer: answer, id: id}}
        model: {backend: openai, name: m, endpoints: [%s], server: %s, chat: %s, top-logprobs: 3, retries: 1,
                initial-backoff-ms: 1, max-concurrency: 2}
        protocol: {max-tokens: 64, prompt: "{question}"%s}
        methods: %s
        metrics: %s
        """.formatted(ReplayServer.ROOT.resolve("problems.jsonl"), server.baseUri(), serverKey, chat,
        protocolExtra, methods, METRICS);
  }

  static SuiteSpec load(Path dir, String yaml) throws IOException {
    Path file = Files.createDirectories(dir).resolve("replay.yaml");
    Files.writeString(file, yaml);
    return new SuiteLoader(Families.ALL).load(file);
  }

  /** Runs every cell and returns the run's metric rows. */
  static List<MetricRow> run(Path dir, String yaml) throws IOException {
    SuiteSpec suite = load(dir, yaml);
    return SessionRuns.run(suite, Files.createDirectories(dir.resolve("runs")), Shard.ALL).readMetrics();
  }

  /** The row of a metric on slice all of the suite's first cell. */
  static MetricRow row(List<MetricRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric) && r.slice().equals("all")).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + metric + " in " + rows.stream().map(MetricRow::metric).toList()));
  }
}
