package org.entropyharness.metric.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grades the shipped datasets' own worked solutions against their reference answers: a real model-free check of
 * extraction and equivalence on every row (MATH-500's solutions end in a boxed answer, GSM8K's in "#### N").
 */
@Tag("slow")
class ReferenceSolutionsTest {
  private static final Path MATH = Path.of(System.getProperty("harness.root", ".."), "datasets", "math");

  private static List<JsonNode> rows(String file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(MATH.resolve(file))) {
      out.add(json.readTree(line));
    }
    return out;
  }

  @Test
  void should_grade_every_math500_solution_correct_against_its_answer() throws IOException {
    List<String> misses = new ArrayList<>();
    for (JsonNode row : rows("math500_test.jsonl")) {
      Grade g = AnswerChecker.grade(row.get("solution").asText(), row.get("answer").asText());
      if (!g.correct()) {
        misses.add(row.get("unique_id").asText() + ": " + g.extracted() + " vs " + row.get("answer").asText());
      }
    }

    assertThat(misses).as("MATH-500 solutions graded wrong").isEmpty();
  }

  /**
   * The expected value is GSM8K's own gold field: the number after "####" in the answer, read here with a plain
   * split, not by the checker; the output is the whole worked solution.
   */
  @Test
  void should_grade_every_gsm8k_solution_correct_and_a_shifted_answer_wrong() throws IOException {
    int right = 0;
    int shiftedRight = 0;
    List<JsonNode> rows = rows("gsm8k_test.jsonl");
    for (JsonNode row : rows) {
      String solution = row.get("answer").asText();
      String gold = solution.substring(solution.lastIndexOf("####") + 4).strip().replace(",", "");
      right += AnswerChecker.grade(solution, gold).correct() ? 1 : 0;
      String shifted = "#### " + new java.math.BigDecimal(gold).add(java.math.BigDecimal.ONE).toPlainString();
      shiftedRight += AnswerChecker.grade(shifted, gold).correct() ? 1 : 0;
    }

    assertThat(right).isEqualTo(rows.size());
    assertThat(shiftedRight).isZero();
  }

  @Test
  void should_grade_aime_and_amc_answers_boxed_as_integers() throws IOException {
    for (String file : List.of("aime24_test.jsonl", "amc23_test.jsonl")) {
      for (JsonNode row : rows(file)) {
        String reference = row.get("answer").asText();
        long value = Math.round(Double.parseDouble(reference));
        assertThat(AnswerChecker.grade("so \\boxed{" + value + "}", reference).correct()).as(reference).isTrue();
        assertThat(AnswerChecker.grade("so \\boxed{" + (value + 1) + "}", reference).correct()).isFalse();
      }
    }
  }
}
