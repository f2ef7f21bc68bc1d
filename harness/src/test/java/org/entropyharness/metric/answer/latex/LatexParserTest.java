package org.entropyharness.metric.answer.latex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Bracketed;
import org.entropyharness.metric.answer.latex.Node.Matrix;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Node.Text;
import org.junit.jupiter.api.Test;

class LatexParserTest {
  private static Node parse(String latex) {
    return LatexParser.parse(latex, Deadline.after(Duration.ofSeconds(5))).primary();
  }

  private static Rational value(String latex) {
    return Exact.of(parse(latex)).orElseThrow().re();
  }

  @Test
  void should_read_thousands_separators_as_one_number() {
    assertThat(value("12{,}345")).isEqualTo(Rational.of(12345));
    assertThat(value("2,\\! 500")).isEqualTo(Rational.of(2500));
    assertThat(value("4 000")).isEqualTo(Rational.of(4000));
    assertThat(value("1,234")).isEqualTo(Rational.of(1234));
    assertThat(LatexParser.parse("1,234", Deadline.after(Duration.ofSeconds(1))).alternative())
        .isInstanceOf(AnswerList.class);
  }

  @Test
  void should_read_tex_shorthand_and_mixed_numbers() {
    assertThat(value("\\frac13")).isEqualTo(new Rational(BigInteger.ONE, BigInteger.valueOf(3)));
    assertThat(value("\\dfrac{6}{4}")).isEqualTo(value("\\tfrac32"));
    assertThat(value("2\\frac{1}{2}")).isEqualTo(value("\\frac{5}{2}"));
    assertThat(value("-1\\frac{1}{2}")).isEqualTo(value("-\\frac{3}{2}"));
    assertThat(value("\\sqrt{16}")).isEqualTo(Rational.of(4));
    assertThat(value("0.\\overline{3}")).isEqualTo(value("\\frac{1}{3}"));
  }

  @Test
  void should_drop_units_spacing_and_sizing() {
    assertThat(value("\\left( 15\\mbox{ cm}^2 \\right)")).isEqualTo(Rational.of(15));
    assertThat(value("125 miles")).isEqualTo(Rational.of(125));
    assertThat(value("\\$\\,18")).isEqualTo(Rational.of(18));
  }

  @Test
  void should_read_structures() {
    assertThat(parse("[0, 1)")).isEqualTo(new Bracketed("[", ")", List.of(parse("0"), parse("1"))));
    assertThat(parse("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}")).isInstanceOf(Matrix.class);
    assertThat(parse("1, 2 \\text{ and } 3")).isInstanceOf(AnswerList.class);
    assertThat(((Relation) parse("-2 \\le x < 7")).ops()).containsExactly("<=", "<");
    assertThat(parse("\\text{Evelyn}")).isEqualTo(new Text("Evelyn"));
  }

  @Test
  void should_refuse_prose_and_runaway_nesting() {
    assertThatThrownBy(() -> parse("The answer is 4")).isInstanceOf(NotAnExpression.class).hasMessage("prose");
    assertThatThrownBy(() -> parse("\\frac{".repeat(200) + "1" + "}{2}".repeat(200)))
        .isInstanceOf(NotAnExpression.class).hasMessage("nested too deeply");
    assertThatThrownBy(() -> parse("3 \\hat")).isInstanceOf(NotAnExpression.class).hasMessage("\\hat without argument");
  }
}
