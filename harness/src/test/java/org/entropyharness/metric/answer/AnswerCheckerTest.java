package org.entropyharness.metric.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerCheckerTest {

  static Stream<Arguments> golden() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> cases = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                AnswerCheckerTest.class.getResourceAsStream("/answers/golden.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        JsonNode c = json.readTree(line);
        cases.add(
            Arguments.of(
                number + ": " + c.get("note").asText(),
                c.get("output").asText(),
                c.get("answer").asText(),
                c.get("expected_extracted").asText(),
                c.get("expected_correct").asBoolean()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void should_grade_golden_case(String note, String output, String answer, String extracted, boolean correct) {
    Grade grade = AnswerChecker.grade(output, answer);

    assertThat(grade.extracted()).as("extracted").isEqualTo(extracted);
    assertThat(grade.correct()).as("correct for %s vs %s", extracted, answer).isEqualTo(correct);
  }

  @Test
  void should_hold_at_least_150_golden_cases() throws IOException {
    assertThat(golden().count()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void should_record_the_extraction_path() {
    assertThat(AnswerChecker.grade("so $\\boxed{4}$", "4").extraction()).isEqualTo(Extraction.BOXED);
    assertThat(AnswerChecker.grade("The answer is 4.", "4").extraction()).isEqualTo(Extraction.ANSWER_IS);
    assertThat(AnswerChecker.grade("we get 4 apples", "4").extraction()).isEqualTo(Extraction.LAST_NUMBER);
    assertThat(AnswerChecker.grade("no idea", "4")).isEqualTo(new Grade("", Extraction.NONE, false));
    assertThat(Extraction.ANSWER_IS.label()).isEqualTo("answer-is");
  }

  @Test
  void should_be_symmetric_on_equivalent_forms() {
    assertThat(AnswerChecker.equivalent("\\frac{\\sqrt{3}}{3}", "\\frac{1}{\\sqrt3}")).isTrue();
    assertThat(AnswerChecker.equivalent("\\frac{1}{\\sqrt3}", "\\frac{\\sqrt{3}}{3}")).isTrue();
    assertThat(AnswerChecker.equivalent("x^2-1", "(x+1)(x-1)")).isTrue();
    assertThat(AnswerChecker.equivalent("x^2-1", "(x+1)(x+1)")).isFalse();
  }

  @Test
  void should_give_up_as_not_equivalent_when_the_budget_is_spent() {
    assertThat(AnswerChecker.equivalent("2\\sqrt{3}", "\\sqrt{12}", Duration.ZERO)).isFalse();
    assertThat(AnswerChecker.equivalent("2\\sqrt{3}", "\\sqrt{12}", Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void should_not_stall_on_a_huge_exponent() {
    long start = System.nanoTime();

    boolean same = AnswerChecker.equivalent("10^{10^{10}}", "10^{10^{10}}+1");

    assertThat(same).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void should_take_the_answer_part_of_a_gsm8k_reference() {
    assertThat(AnswerChecker.reference("3+4=<<3+4=7>>7\n#### 7")).isEqualTo("7");
    assertThat(AnswerChecker.reference("\\frac{1}{2}")).isEqualTo("\\frac{1}{2}");
  }
}
