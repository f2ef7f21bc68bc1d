package org.entropyharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entropyharness.metric.answer.AnswerChecker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Grading throughput over the answer-checker golden file (run from the repository root, or set {@code -p
 * golden=PATH}). One op grades every case of the file; grades per second = ops/s × cases (307 today).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnswerCheckerBenchmark {
  @Param("harness/src/test/resources/answers/answer-pairs.jsonl")
  public String golden;

  private String[] outputs;
  private String[] answers;

  @Setup
  public void setUp() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(Path.of(golden));
    outputs = new String[lines.size()];
    answers = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      JsonNode c = json.readTree(lines.get(i));
      outputs[i] = c.get("output").asText();
      answers[i] = c.get("answer").asText();
    }
  }

  @Benchmark
  public void gradeGoldenFile(Blackhole sink) {
    for (int i = 0; i < outputs.length; i++) {
      sink.consume(AnswerChecker.grade(outputs[i], answers[i]));
    }
  }
}
