package org.entropyharness.data.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArithmeticProblemsTest {

  @Test
  void should_give_the_same_item_for_the_same_seed_level_and_index() {
    ArithmeticProblems a = new ArithmeticProblems(7);
    ArithmeticProblems b = new ArithmeticProblems(7);
    for (int level = 1; level <= 5; level++) {
      assertThat(a.example(level, 17)).isEqualTo(b.example(level, 17));
    }
    assertThat(a.problems(List.of(1, 2, 3, 4, 5), 30)).isNotEqualTo(new ArithmeticProblems(8).problems(
        List.of(1, 2, 3, 4, 5), 30));
  }

  @Test
  void should_name_items_by_level_and_index() {
    Problem p = new ArithmeticProblems(1).problem(3, 17);
    assertThat(p.id()).isEqualTo("arith/L3/17");
    assertThat(p.group()).isEqualTo("L3");
  }

  @Test
  void should_give_answers_that_an_independent_exact_evaluation_confirms() {
    ArithmeticProblems problems = new ArithmeticProblems(3);
    for (int level = 1; level <= 5; level++) {
      for (int i = 0; i < 300; i++) {
        ArithmeticProblems.Example e = problems.example(level, i);
        assertThat(Fraction.evaluate(e.problem().question()).toString())
            .as(e.problem().question())
            .isEqualTo(e.problem().answer());
      }
    }
  }

  @Test
  void should_write_steps_that_each_keep_the_value_and_end_in_the_boxed_answer() {
    ArithmeticProblems problems = new ArithmeticProblems(4);
    for (int level = 1; level <= 5; level++) {
      for (int i = 0; i < 100; i++) {
        ArithmeticProblems.Example e = problems.example(level, i);
        String[] lines = e.solution().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("\\boxed{" + e.problem().answer() + "}");
        for (int s = 0; s < lines.length - 1; s++) {
          assertThat(lines[s]).startsWith("=");
          assertThat(Fraction.evaluate(lines[s].substring(1)).toString()).isEqualTo(e.problem().answer());
        }
      }
    }
  }

  @Test
  void should_keep_most_answers_integers_and_fractions_only_at_levels_four_and_five() {
    ArithmeticProblems problems = new ArithmeticProblems(5);
    for (int level = 1; level <= 5; level++) {
      long fractions = problems.problems(List.of(level), 400).stream().filter(p -> p.answer().contains("/")).count();
      if (level <= 3) {
        assertThat(fractions).as("level %d", level).isZero();
      } else {
        assertThat(fractions).as("level %d", level).isBetween(1L, 400L / 4);
      }
    }
  }

  @Test
  void should_grow_longer_with_level() {
    ArithmeticProblems problems = new ArithmeticProblems(6);
    double previous = 0;
    for (int level = 1; level <= 5; level++) {
      double mean = problems.problems(List.of(level), 200).stream().mapToInt(p -> p.question().length()).average()
          .orElseThrow();
      assertThat(mean).isGreaterThan(previous);
      previous = mean;
    }
  }

  @Test
  void should_reject_a_level_out_of_range_saying_the_range() {
    assertThatThrownBy(() -> new ArithmeticProblems(1).problem(6, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arithmetic level 6 is out of range; use a level from 1 to 5");
  }

  /** Exact rational arithmetic, written apart from the generator, with precedence and parentheses. */
  private record Fraction(BigInteger num, BigInteger den) {
    static Fraction of(BigInteger num, BigInteger den) {
      BigInteger g = num.gcd(den);
      if (den.signum() < 0) {
        g = g.negate();
      }
      return new Fraction(num.divide(g), den.divide(g));
    }

    static Fraction evaluate(String text) {
      int[] at = {0};
      Fraction value = sum(text, at);
      assertThat(at[0]).as("parsed all of %s", text).isEqualTo(text.length());
      return value;
    }

    private static Fraction sum(String s, int[] at) {
      Fraction acc = product(s, at);
      while (at[0] < s.length() && (s.charAt(at[0]) == '+' || s.charAt(at[0]) == '-')) {
        char op = s.charAt(at[0]++);
        Fraction next = product(s, at);
        acc = of(acc.num.multiply(next.den).add((op == '+' ? next.num : next.num.negate()).multiply(acc.den)),
            acc.den.multiply(next.den));
      }
      return acc;
    }

    private static Fraction product(String s, int[] at) {
      Fraction acc = atom(s, at);
      while (at[0] < s.length() && (s.charAt(at[0]) == '*' || s.charAt(at[0]) == '/')) {
        char op = s.charAt(at[0]++);
        Fraction next = atom(s, at);
        acc = op == '*'
            ? of(acc.num.multiply(next.num), acc.den.multiply(next.den))
            : of(acc.num.multiply(next.den), acc.den.multiply(next.num));
      }
      return acc;
    }

    private static Fraction atom(String s, int[] at) {
      if (s.charAt(at[0]) == '(') {
        at[0]++;
        Fraction inner = sum(s, at);
        at[0]++;
        return inner;
      }
      int start = at[0];
      while (at[0] < s.length() && Character.isDigit(s.charAt(at[0]))) {
        at[0]++;
      }
      return of(new BigInteger(s.substring(start, at[0])), BigInteger.ONE);
    }

    @Override
    public String toString() {
      return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
  }
}
