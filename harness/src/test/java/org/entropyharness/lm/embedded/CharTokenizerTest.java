package org.entropyharness.lm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entropyharness.data.math.ArithmeticProblems;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
  private final CharTokenizer tokenizer = new CharTokenizer();

  @Test
  void should_round_trip_every_question_and_solution_of_the_arithmetic_set() {
    ArithmeticProblems problems = new ArithmeticProblems(2);
    for (int level = 1; level <= 5; level++) {
      for (int i = 0; i < 50; i++) {
        ArithmeticProblems.Example e = problems.example(level, i);
        String text = e.problem().question() + "\n" + e.solution();
        int[] ids = tokenizer.encode(text);
        assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo(text);
      }
    }
  }

  @Test
  void should_frame_a_prompt_with_begin_and_separator() {
    int[] ids = tokenizer.encodePrompt("3+4");
    assertThat(ids).hasSize(5);
    assertThat(ids[0]).isEqualTo(CharTokenizer.BOS);
    assertThat(tokenizer.decode(ids, 0, ids.length)).isEqualTo("3+4\n");
  }

  @Test
  void should_decode_special_tokens_to_nothing() {
    assertThat(tokenizer.decode(new int[] {CharTokenizer.BOS, CharTokenizer.PAD, CharTokenizer.EOS}, 0, 3)).isEmpty();
  }

  @Test
  void should_reject_an_unknown_character_naming_its_column() {
    assertThatThrownBy(() -> tokenizer.encode("3+a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prompt:1:3: character 'a' is not in the embedded model's vocabulary;");
  }
}
