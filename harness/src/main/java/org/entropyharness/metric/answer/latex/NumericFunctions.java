package org.entropyharness.metric.answer.latex;

import java.util.List;

/** The functions the evaluator knows, in doubles; complex arguments only where the function is simple there. */
final class NumericFunctions {
  private NumericFunctions() {}

  static Complex apply(String name, List<Complex> args) {
    if (args.isEmpty()) {
      return Complex.NAN;
    }
    Complex z = args.get(0);
    switch (name) {
      case "abs":
        return Complex.real(z.abs());
      case "exp":
        return z.exp();
      case "ln":
        return z.log();
      case "log":
      case "lg":
        return z.log().dividedBy(Complex.real(Math.log(10)));
      case "sqrt":
        return z.sqrt();
      default:
        break;
    }
    if (args.stream().anyMatch(a -> !a.isReal())) {
      return Complex.NAN;
    }
    return Complex.real(real(name, args.stream().mapToDouble(Complex::re).toArray()));
  }

  private static double real(String name, double[] x) {
    double a = x[0];
    return switch (name) {
      case "sin" -> Math.sin(a);
      case "cos" -> Math.cos(a);
      case "tan" -> Math.tan(a);
      case "cot" -> 1 / Math.tan(a);
      case "sec" -> 1 / Math.cos(a);
      case "csc" -> 1 / Math.sin(a);
      case "arcsin" -> Math.asin(a);
      case "arccos" -> Math.acos(a);
      case "arctan" -> Math.atan(a);
      case "arccot" -> Math.atan(1 / a);
      case "sinh" -> Math.sinh(a);
      case "cosh" -> Math.cosh(a);
      case "tanh" -> Math.tanh(a);
      case "floor" -> Math.floor(a);
      case "ceil" -> Math.ceil(a);
      case "factorial" -> factorial(a);
      case "binom" -> x.length == 2 ? factorial(a) / (factorial(x[1]) * factorial(a - x[1])) : Double.NaN;
      case "max" -> java.util.Arrays.stream(x).max().orElse(Double.NaN);
      case "min" -> java.util.Arrays.stream(x).min().orElse(Double.NaN);
      default -> Double.NaN;
    };
  }

  private static double factorial(double a) {
    if (a != Math.rint(a) || a < 0) {
      return Double.NaN;
    }
    if (a > 170) {
      return Double.POSITIVE_INFINITY;
    }
    double f = 1;
    for (int k = 2; k <= a; k++) {
      f *= k;
    }
    return f;
  }
}
