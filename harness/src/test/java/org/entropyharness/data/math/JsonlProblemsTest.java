package org.entropyharness.data.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyharness.format.DataFormatException;
import org.entropyharness.metric.answer.AnswerChecker;
import org.entropyharness.metric.answer.ReferenceAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlProblemsTest {
  private static final Path MATH = Path.of(System.getProperty("harness.root", "..")).resolve("datasets/math");

  @TempDir Path tmp;

  @Test
  void should_read_all_1319_gsm8k_rows_with_hash_answers() throws IOException {
    List<Problem> ps = JsonlProblems.read(MATH.resolve("gsm8k_test.jsonl"));
    assertThat(ps).hasSize(1319);
    assertThat(ps.get(0).id()).isEqualTo("1");
    assertThat(ps.get(0).answer()).isEqualTo("18");
    assertThat(ps.get(0).question()).startsWith("Janet");
    assertThat(ps).allSatisfy(p -> assertThat(p.answer()).doesNotContain(",", "####"));
  }

  @Test
  void should_read_math500_with_levels_as_groups() throws IOException {
    List<Problem> ps = JsonlProblems.read(MATH.resolve("math500_test.jsonl"));
    assertThat(ps).hasSize(500);
    assertThat(ps.get(0).id()).isEqualTo("test/precalculus/807.json");
    assertThat(ps.get(0).group()).isEqualTo("2");
    assertThat(ps.get(0).answer()).isEqualTo("\\left( 3, \\frac{\\pi}{2} \\right)");
    assertThat(ps.stream().map(Problem::group).distinct()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
    assertThat(ps.get(0).meta()).containsEntry("subject", "Precalculus");
  }

  @Test
  void should_read_aime24_and_amc23_with_integral_floats_as_integers() throws IOException {
    List<Problem> aime = JsonlProblems.read(MATH.resolve("aime24_test.jsonl"));
    List<Problem> amc = JsonlProblems.read(MATH.resolve("amc23_test.jsonl"));
    assertThat(aime).hasSize(30);
    assertThat(aime.get(0).id()).isEqualTo("60");
    assertThat(aime.get(0).answer()).isEqualTo("204");
    assertThat(amc).hasSize(40);
    assertThat(amc.get(0).answer()).isEqualTo("27");
    assertThat(amc.stream().map(Problem::answer)).contains("-1", "3159");
  }

  @Test
  void should_locate_malformed_json_with_line_and_column() throws IOException {
    Path f = write("{\"question\": \"a\", \"answer\": \"#### 1\"}\n{\"question\": \"b\", \"answer\" \"#### 2\"}\n");
    assertThatThrownBy(() -> JsonlProblems.read(f, JsonlFieldMap.gsm8k()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(f + ":2:28: malformed JSON")
        .hasMessageEndingWith("fix the line so it is one complete JSON object");
  }

  @Test
  void should_name_the_missing_field_and_the_fields_present() throws IOException {
    Path f = write("{\"id\": 1, \"problem\": \"p\"}\n");
    assertThatThrownBy(() -> JsonlProblems.read(f, JsonlFieldMap.aime24()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(f + ":1:1: answer field 'answer' is missing; present fields: [id, problem]; "
            + "fix the line or the field map");
  }

  @Test
  void should_reject_a_gsm8k_answer_without_hash_marker() throws IOException {
    Path f = write("{\"question\": \"q\", \"answer\": \"just 5\"}\n");
    assertThatThrownBy(() -> JsonlProblems.read(f, JsonlFieldMap.gsm8k()))
        .hasMessageStartingWith(f + ":1:1: answer field 'answer' has no answer under transform 'gsm8k-hash'");
  }

  @Test
  void should_strip_thousands_separators_and_reject_duplicate_ids() throws IOException {
    assertThat(AnswerTransform.GSM8K_HASH.apply("so\n#### 1,234")).isEqualTo("1234");
    Path f = write("{\"id\": 1, \"problem\": \"p\", \"answer\": \"2\"}\n\n{\"id\": 1, \"problem\": \"q\", \"answer\": 3}\n");
    assertThatThrownBy(() -> JsonlProblems.read(f, JsonlFieldMap.aime24()))
        .hasMessageStartingWith(f + ":3:1: duplicate id '1'");
  }

  @Test
  void should_list_allowed_transforms_for_an_unknown_id() {
    assertThat(AnswerTransform.fromId("gsm8k-hash")).isEqualTo(AnswerTransform.GSM8K_HASH);
    assertThatThrownBy(() -> AnswerTransform.fromId("hash"))
        .hasMessage("unknown answer transform 'hash'; allowed: none, gsm8k-hash, boxed");
  }

  private Path write(String content) throws IOException {
    Path f = tmp.resolve("p.jsonl");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void should_read_a_list_valued_answer_field_with_its_unit_appended() throws IOException {
    Path file = Files.writeString(tmp.resolve("olympiad.jsonl"),
        "{\"id\":\"a\",\"question\":\"q\",\"final_answer\":[\"$3$\",\"$5$\"],\"unit\":\"cm\"}\n"
            + "{\"id\":\"b\",\"question\":\"q\",\"final_answer\":[\"$7$\"],\"unit\":null}\n");
    JsonlFieldMap map = new JsonlFieldMap("question", "final_answer", "id", null, AnswerTransform.NONE,
        ReferenceAnswer.Combination.ALL, "unit", UnitPolicy.APPEND);

    List<Problem> ps = JsonlProblems.read(file, map);

    assertThat(ps.get(0).reference().answers()).containsExactly("$3$ \\text{ cm}", "$5$ \\text{ cm}");
    assertThat(ps.get(0).answer()).isEqualTo("$3$ \\text{ cm}, $5$ \\text{ cm}");
    assertThat(ps.get(1).reference().answers()).containsExactly("$7$");
    assertThat(AnswerChecker.grade("\\boxed{5, 3}", ps.get(0).reference()).correct()).isTrue();
    assertThat(AnswerChecker.grade("\\boxed{3}", ps.get(0).reference()).correct()).isFalse();
  }

  @Test
  void should_take_the_last_boxed_answer_of_a_solution_field() throws IOException {
    Path file = Files.writeString(tmp.resolve("math.jsonl"),
        "{\"problem\":\"p\",\"solution\":\"We get $\\\\boxed{2}$ then $\\\\boxed{\\\\frac{1}{2}}$.\"}\n");

    List<Problem> ps = JsonlProblems.read(file, new JsonlFieldMap("problem", "solution", null, null, AnswerTransform.BOXED));

    assertThat(ps.get(0).answer()).isEqualTo("\\frac{1}{2}");
  }

  @Test
  void should_name_the_line_of_an_empty_answer_list_and_of_a_solution_without_a_box() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "{\"question\":\"q\",\"answer\":[]}\n");
    Path unboxed = Files.writeString(tmp.resolve("unboxed.jsonl"), "{\"problem\":\"p\",\"solution\":\"so 4\"}\n");

    assertThatThrownBy(() -> JsonlProblems.read(empty, new JsonlFieldMap("question", "answer", null, null, null)))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(empty + ":1:1: answer field 'answer' is an empty list; give at least one answer");
    assertThatThrownBy(() -> JsonlProblems.read(unboxed,
        new JsonlFieldMap("problem", "solution", null, null, AnswerTransform.BOXED)))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(unboxed + ":1:1: answer field 'solution' has no answer under transform 'boxed'; fix the answer or"
            + " choose answer transform 'none'");
  }

  @Test
  void should_read_the_shipped_smoke_files_in_both_shapes() throws IOException {
    JsonlFieldMap olympiad = new JsonlFieldMap("question", "final_answer", "id", null, AnswerTransform.NONE,
        ReferenceAnswer.Combination.ALL, "unit", UnitPolicy.APPEND);
    JsonlFieldMap solutions = new JsonlFieldMap("problem", "solution", null, "level", AnswerTransform.BOXED);

    assertThat(JsonlProblems.read(MATH.resolve("arith_olympiad_style.jsonl"), olympiad)).hasSize(12);
    assertThat(JsonlProblems.read(MATH.resolve("arith_solutions.jsonl"), solutions))
        .hasSize(12).allSatisfy(p -> assertThat(p.answer()).matches("-?[0-9/]+"));
  }
}
