package org.entropyharness.metric.answer.latex;

import java.math.BigInteger;
import org.entropyharness.metric.answer.latex.Node.Num;

/** The exact value of a repeating decimal such as {@code 0.1\overline{6}} (one sixth). */
final class RepeatingDecimal {
  private RepeatingDecimal() {}

  /**
   * The number with integer part {@code whole}, then the decimals {@code fixed}, then {@code repeating} repeated.
   *
   * @throws NotAnExpression when a part is not digits
   */
  static Num of(String whole, String fixed, String repeating) {
    if (!whole.matches("\\d*") || !fixed.matches("\\d*") || !repeating.matches("\\d{1,50}")) {
      throw new NotAnExpression("not a repeating decimal");
    }
    BigInteger period = BigInteger.TEN.pow(repeating.length()).subtract(BigInteger.ONE);
    BigInteger shift = BigInteger.TEN.pow(fixed.length());
    BigInteger fixedValue = fixed.isEmpty() ? BigInteger.ZERO : new BigInteger(fixed);
    Rational fraction =
        new Rational(fixedValue.multiply(period).add(new BigInteger(repeating)), shift.multiply(period));
    Rational integer = whole.isEmpty() ? Rational.ZERO : new Rational(new BigInteger(whole), BigInteger.ONE);
    return new Num(integer.add(fraction), -1);
  }
}
