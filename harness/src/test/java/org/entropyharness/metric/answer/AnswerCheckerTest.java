package org.entropyharness.metric.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnswerCheckerTest {

  /** Agreement with the golden verdicts, per category; false accepts and false rejects counted apart. */
  @Test
  void should_agree_with_the_golden_verdicts_and_almost_never_accept_a_wrong_answer() throws IOException {
    GoldenPairs golden = GoldenPairs.load();
    Map<String, int[]> table = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    for (GoldenPairs.Pair p : golden.pairs()) {
      boolean correct = AnswerChecker.grade(p.output(), p.reference()).correct();
      int[] row = table.computeIfAbsent(p.category(), k -> new int[4]);
      row[0]++;
      row[1] += correct == p.expected() ? 1 : 0;
      row[2] += correct && !p.expected() ? 1 : 0;
      row[3] += !correct && p.expected() ? 1 : 0;
      if (correct != p.expected()) {
        disagreements.add(p.line() + " [" + p.category() + "] expected " + p.expected());
      }
    }
    int[] total = new int[4];
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-30s %5s %7s %6s %6s%n", "category", "pairs",
        "agree", "f.acc", "f.rej"));
    table.forEach((category, row) -> {
      report.append(String.format(Locale.ROOT, "%-30s %5d %6.1f%% %6d %6d%n", category, row[0], 100.0 * row[1] / row[0],
          row[2], row[3]));
      for (int k = 0; k < 4; k++) {
        total[k] += row[k];
      }
    });
    report.append(String.format(Locale.ROOT, "%-30s %5d %6.1f%% %6d %6d%n", "all", total[0], 100.0 * total[1] / total[0],
        total[2], total[3]));
    System.out.print(report);

    assertThat(100.0 * total[1] / total[0]).as("agreement %% (%s)", disagreements).isGreaterThanOrEqualTo(97.0);
    assertThat(100.0 * total[2] / total[0]).as("false accepts %% (%s)", disagreements).isLessThanOrEqualTo(0.5);
  }

  @Test
  void should_hold_at_least_500_balanced_pairs_each_with_a_source() throws IOException {
    List<GoldenPairs.Pair> pairs = GoldenPairs.load().pairs();
    long equivalent = pairs.stream().filter(GoldenPairs.Pair::expected).count();

    assertThat(pairs).hasSizeGreaterThanOrEqualTo(500).allSatisfy(p -> assertThat(p.source()).isNotBlank());
    assertThat((double) equivalent / pairs.size()).isBetween(0.4, 0.6);
  }

  @Test
  void should_record_the_target_that_found_the_answer() {
    assertThat(AnswerChecker.grade("so $\\boxed{4}$", "4").extraction()).isEqualTo(Extraction.BOXED);
    assertThat(AnswerChecker.grade("The answer is 4.", "4").extraction()).isEqualTo(Extraction.ANSWER_IS);
    assertThat(AnswerChecker.grade("Final Answer: The final answer is $4$. I hope it is correct.", "4").extraction())
        .isEqualTo(Extraction.FINAL_ANSWER);
    assertThat(AnswerChecker.grade("we get $2+2$ which is $4$", "4").extraction()).isEqualTo(Extraction.MATH_SPAN);
    assertThat(AnswerChecker.grade("we get 4 apples", "4").extraction()).isEqualTo(Extraction.LAST_NUMBER);
    assertThat(AnswerChecker.grade("\\frac{8}{2}", "4").extraction()).isEqualTo(Extraction.WHOLE);
    assertThat(AnswerChecker.grade("no idea", "4")).isEqualTo(new Grade("", Extraction.NONE, false));
    assertThat(Extraction.ANSWER_IS.label()).isEqualTo("answer-is");
  }

  @Test
  void should_read_the_reference_with_the_same_extraction_as_the_output() {
    assertThat(AnswerChecker.grade("4", "$\\boxed{4}$").correct()).isTrue();
    assertThat(AnswerChecker.grade("4", "We add: $2+2=\\boxed{4}$.").correct()).isTrue();
    assertThat(AnswerChecker.grade("4", "Two and two.\n#### 4").correct()).isTrue();
    assertThat(AnswerChecker.grade("5", "Two and two.\n#### 4").correct()).isFalse();
  }

  @Test
  void should_be_symmetric_on_equivalent_forms() {
    assertThat(AnswerChecker.equivalent("\\frac{\\sqrt{3}}{3}", "\\frac{1}{\\sqrt3}")).isTrue();
    assertThat(AnswerChecker.equivalent("\\frac{1}{\\sqrt3}", "\\frac{\\sqrt{3}}{3}")).isTrue();
    assertThat(AnswerChecker.equivalent("x^2-1", "(x+1)(x-1)")).isTrue();
    assertThat(AnswerChecker.equivalent("x^2-1", "(x+1)(x+1)")).isFalse();
  }

  @Test
  void should_combine_several_reference_answers_as_declared() {
    ReferenceAnswer all = new ReferenceAnswer(List.of("3", "5"), ReferenceAnswer.Combination.ALL);
    ReferenceAnswer any = new ReferenceAnswer(List.of("3", "5"), ReferenceAnswer.Combination.ANY);
    ReferenceAnswer ordered = new ReferenceAnswer(List.of("3", "5"), ReferenceAnswer.Combination.ORDERED);

    assertThat(AnswerChecker.grade("\\boxed{5, 3}", all).correct()).isTrue();
    assertThat(AnswerChecker.grade("\\boxed{5}", all).correct()).isFalse();
    assertThat(AnswerChecker.grade("\\boxed{5}", any).correct()).isTrue();
    assertThat(AnswerChecker.grade("\\boxed{4}", any).correct()).isFalse();
    assertThat(AnswerChecker.grade("\\boxed{3, 5}", ordered).correct()).isTrue();
    assertThat(AnswerChecker.grade("\\boxed{5, 3}", ordered).correct()).isFalse();
    assertThat(all.display()).isEqualTo("3, 5");
    assertThat(any.display()).isEqualTo("3 or 5");
  }

  @Test
  void should_give_up_as_not_equivalent_when_the_budget_is_spent() {
    assertThat(AnswerChecker.equivalent("2\\sqrt{3}", "\\sqrt{12}", Duration.ZERO)).isFalse();
    assertThat(AnswerChecker.equivalent("2\\sqrt{3}", "\\sqrt{12}", Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void should_not_take_a_tower_of_powers_for_equal_to_its_successor() {
    assertThat(AnswerChecker.equivalent("10^{10^{10}}", "10^{10^{10}}+1")).isFalse();
    assertThat(AnswerChecker.equivalent("2^{100}", "1267650600228229401496703205376")).isTrue();
    assertThat(AnswerChecker.equivalent("10000000000000000000001", "1e22")).isFalse();
  }
}
