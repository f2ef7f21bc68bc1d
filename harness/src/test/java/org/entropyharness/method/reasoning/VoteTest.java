package org.entropyharness.method.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoteTest {

  @Test
  void should_break_ties_by_first_appearance_and_ignore_empty_answers() {
    assertThat(Vote.majority(List.of("b", "a", "a", "b", "", ""), String::equals)).isEqualTo("b");
    assertThat(Vote.majority(List.of("", ""), String::equals)).isEmpty();
  }

  @Test
  void should_sum_weights_per_equivalence_class() {
    List<String> answers = List.of("1/2", "0.5", "3", "3");
    assertThat(Vote.weighted(answers, List.of(1.0, 1.5, 1.2, 1.2), String::equals)).isEqualTo("3");
    assertThat(Vote.weighted(answers, List.of(1.0, 1.5, 1.2, 1.2),
        (a, b) -> a.equals(b) || (a + b).equals("1/20.5"))).isEqualTo("1/2");
    assertThat(Vote.weighted(answers, List.of(1.0, Double.NaN, 0.0, 0.5), String::equals)).isEqualTo("1/2");
  }
}
