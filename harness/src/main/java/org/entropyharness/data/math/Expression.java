package org.entropyharness.data.math;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain {@code n0 op n1 op n2 ...} over {@code + - *}, optionally divided as a whole: {@code (chain)/d}. Solving it
 * rewrites one operation at a time in the usual precedence (leftmost {@code *} first, then leftmost {@code +}/{@code
 * -}), which is the chain of thought the embedded model learns.
 */
final class Expression {
  private final List<Long> numbers;
  private final List<Character> signs;
  private final long divisor;

  /** A chain with {@code divisor} 0 for none. */
  Expression(List<Long> numbers, List<Character> signs, long divisor) {
    if (numbers.size() != signs.size() + 1) {
      throw new IllegalArgumentException("a chain needs one number more than operators");
    }
    this.numbers = List.copyOf(numbers);
    this.signs = List.copyOf(signs);
    this.divisor = divisor;
  }

  String render() {
    String chain = renderChain(numbers, signs);
    if (divisor == 0) {
      return chain;
    }
    return (signs.isEmpty() ? chain : "(" + chain + ")") + "/" + divisor;
  }

  /** The rewritten expression after each step; the last is the answer (an integer or a reduced fraction). */
  List<String> solve() {
    List<Long> n = new ArrayList<>(numbers);
    List<Character> s = new ArrayList<>(signs);
    List<String> steps = new ArrayList<>();
    while (!s.isEmpty()) {
      reduceOnce(n, s);
      steps.add(new Expression(n, s, divisor).render());
    }
    if (divisor != 0) {
      long value = n.get(0);
      long g = gcd(value, divisor);
      String reduced = divisor / g == 1 ? Long.toString(value / g) : value / g + "/" + divisor / g;
      if (!reduced.equals(value + "/" + divisor)) {
        steps.add(reduced);
      }
    }
    return steps;
  }

  /** The value of the chain before any division. */
  long chainValue() {
    List<Long> n = new ArrayList<>(numbers);
    List<Character> s = new ArrayList<>(signs);
    while (!s.isEmpty()) {
      reduceOnce(n, s);
    }
    return n.get(0);
  }

  /** True when no rewrite produces a negative number. */
  boolean staysNonNegative() {
    List<Long> n = new ArrayList<>(numbers);
    List<Character> s = new ArrayList<>(signs);
    while (!s.isEmpty()) {
      reduceOnce(n, s);
      if (n.stream().anyMatch(v -> v < 0)) {
        return false;
      }
    }
    return true;
  }

  private static void reduceOnce(List<Long> n, List<Character> s) {
    int at = s.indexOf('*');
    if (at < 0) {
      at = 0;
    }
    long a = n.get(at);
    long b = n.get(at + 1);
    long value = switch (s.get(at)) {
      case '*' -> a * b;
      case '+' -> a + b;
      default -> a - b;
    };
    n.set(at, value);
    n.remove(at + 1);
    s.remove(at);
  }

  private static String renderChain(List<Long> n, List<Character> s) {
    StringBuilder out = new StringBuilder().append(n.get(0));
    for (int i = 0; i < s.size(); i++) {
      out.append(s.get(i)).append(n.get(i + 1));
    }
    return out.toString();
  }

  private static long gcd(long a, long b) {
    return b == 0 ? Math.abs(a) : gcd(b, a % b);
  }
}
