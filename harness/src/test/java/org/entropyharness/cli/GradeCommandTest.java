package org.entropyharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GradeCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int grade(Path in, Path graded) {
    CommandLine cli = new CommandLine(new GradeCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("--in", in.toString(), "--out", graded.toString());
  }

  private Path input(String... lines) throws IOException {
    return Files.write(dir.resolve("outputs.jsonl"), List.of(lines));
  }

  @Test
  void should_add_extraction_and_correctness_to_every_line() throws IOException {
    Path in =
        input(
            "{\"id\":\"q1\",\"answer\":\"\\\\frac{1}{2}\",\"output\":\"so $\\\\boxed{0.5}$\"}",
            "",
            "{\"id\":\"q2\",\"answer\":27.0,\"output\":\"The answer is 26.\"}",
            "{\"id\":\"q3\",\"answer\":\"Janet sells 9 eggs.\\n#### 18\",\"output\":\"She makes 18 dollars\"}");
    Path graded = dir.resolve("graded.jsonl");

    int code = grade(in, graded);

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(graded);
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("q1");
    assertThat(first.get("extracted").asText()).isEqualTo("0.5");
    assertThat(first.get("extraction").asText()).isEqualTo("boxed");
    assertThat(first.get("correct").asBoolean()).isTrue();
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("extraction").asText()).isEqualTo("answer-is");
    assertThat(second.get("correct").asBoolean()).isFalse();
    assertThat(new ObjectMapper().readTree(lines.get(2)).get("correct").asBoolean()).isTrue();
    assertThat(out.toString()).startsWith("graded 3 outputs: 2 correct, accuracy 0.6667");
  }

  @Test
  void should_name_line_and_column_of_bad_json_and_write_nothing() throws IOException {
    Path in = input("{\"answer\":\"1\",\"output\":\"1\"}", "{\"answer\":\"1\", \"output\": oops}");
    Path graded = dir.resolve("graded.jsonl");

    int code = grade(in, graded);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("harness: " + in + ":2:30: not valid JSON").contains("; fix: ");
    assertThat(graded).doesNotExist();
    assertThat(dir).isDirectoryNotContaining("glob:**.partial");
  }

  @Test
  void should_report_a_missing_field_and_keep_an_earlier_result_untouched() throws IOException {
    Path graded = Files.writeString(dir.resolve("graded.jsonl"), "earlier\n");
    Path in = input("{\"answer\":\"1\",\"output\":\"1\"}", "{\"answer\":\"1\"}");

    int code = grade(in, graded);

    assertThat(code).isNotZero();
    assertThat(err.toString().strip())
        .isEqualTo("harness: " + in + ":2:1: missing field \"output\"; fix: add \"output\" to every line");
    assertThat(Files.readString(graded)).isEqualTo("earlier\n");
  }

  @Test
  void should_grade_list_answers_and_report_agreement_with_expected_verdicts() throws IOException {
    Path in =
        input(
            "{\"category\":\"lists\",\"answer\":[\"3\",\"5\"],\"output\":\"\\\\boxed{5, 3}\",\"expected\":true}",
            "{\"category\":\"lists\",\"answer\":[\"3\",\"5\"],\"output\":\"\\\\boxed{3}\",\"expected\":true}",
            "{\"category\":\"numbers\",\"answer\":1e22,\"output\":\"10000000000000000000001\",\"expected\":true}",
            "{\"category\":\"numbers\",\"answer\":\"7\",\"output\":\"7\",\"expected\":false}");
    Path graded = dir.resolve("graded.jsonl");

    int code = grade(in, graded);

    assertThat(code).isZero();
    assertThat(Files.readAllLines(graded).get(2)).startsWith("{\"category\":\"numbers\",\"answer\":10000000000000000000000,");
    assertThat(out.toString().lines().toList()).containsSubsequence(
        "category                        pairs    agree false accepts false rejects",
        "lists                               2   50.00%             0             1",
        "numbers                             2    0.00%             1             1",
        "agreement 25.00% on 4 pairs: 1 false accepts (25.00%), 2 false rejects (50.00%)");
  }

  @Test
  void should_refuse_an_out_path_that_is_not_a_regular_file() throws IOException {
    Path in = input("{\"answer\":\"1\",\"output\":\"1\"}");

    int code = grade(in, dir);

    assertThat(code).isNotZero();
    assertThat(err.toString().strip())
        .isEqualTo("harness: " + dir + ":1:1: --out is not a regular file; fix: name a file to write the graded lines to");
  }
}
