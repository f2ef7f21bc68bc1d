package org.entropyharness.metric.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.entropyharness.metric.answer.latex.Deadline;
import org.junit.jupiter.api.Test;

class AnswerExtractorTest {
  private static ExtractedAnswer extract(String text) {
    return AnswerExtractor.extract(text, Deadline.after(Duration.ofSeconds(5)));
  }

  @Test
  void should_not_take_a_digit_out_of_a_word_or_out_of_a_math_span() {
    assertThat(extract("The code is QX7B.").isNone()).isTrue();
    assertThat(extract("Adding the parts we get $\\frac{7}{4}$").text()).isEqualTo("\\frac{7}{4}");
  }

  @Test
  void should_join_boxes_that_only_a_connective_separates() {
    assertThat(extract("The values are \\boxed{4} and \\boxed{9}.").text()).isEqualTo("4, 9");
    assertThat(extract("\\boxed{1} no no no no no \\boxed{2}").text()).isEqualTo("2");
    assertThat(extract("So \\boxed{2}, so the answer is \\boxed{3}").text()).isEqualTo("3");
  }

  @Test
  void should_read_the_minerva_final_answer_sentence() {
    ExtractedAnswer found = extract("so $x=3$.\nFinal Answer: The final answer is $28 \\%$. I hope it is correct.");

    assertThat(found.extraction()).isEqualTo(Extraction.FINAL_ANSWER);
    assertThat(found.text()).isEqualTo("$28 \\%$");
  }

  @Test
  void should_stop_at_the_chat_template_and_prefer_the_text_after_thinking() {
    assertThat(extract("It is 2/3.<|im_end|>\n<|im_start|>user\nThe answer is 10.").text()).isEqualTo("2/3");
    assertThat(extract("<think>maybe \\boxed{1}</think> so \\boxed{2}").text()).isEqualTo("2");
  }

  @Test
  void should_take_the_value_of_an_answer_phrase_and_not_the_words_around_it() {
    assertThat(extract("Final Answer: The largest $n$ is 34.").text()).isEqualTo("34");
    assertThat(extract("The answer is therefore 12 apples.").text()).isEqualTo("12");
    assertThat(extract("Janet sells 9 eggs.\n#### 18").text()).isEqualTo("18");
  }

  @Test
  void should_take_a_reference_that_is_already_an_answer_whole() {
    ExtractedAnswer found = extract("1,-2");

    assertThat(found.extraction()).isEqualTo(Extraction.WHOLE);
    assertThat(found.text()).isEqualTo("1,-2");
  }
}
