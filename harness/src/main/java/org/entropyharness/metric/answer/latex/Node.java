package org.entropyharness.metric.answer.latex;

import java.util.List;

/**
 * A parsed answer. Arithmetic nodes ({@link Num} … {@link Apply}) have a value; structure nodes ({@link
 * Bracketed}, {@link Matrix}, {@link SetOp}, {@link Relation}, {@link Ratio}, {@link AnswerList}) hold answers;
 * {@link Text} is prose. Records compare structurally, which is how names ({@code x}, {@code a_{3}}, {@code
 * (m,n)}) are matched.
 */
public sealed interface Node {

  /**
   * A number as written.
   *
   * @param value its exact value
   * @param decimals digits written after the decimal point, or -1 for an integer, a fraction or a repeating
   *     decimal (exact by construction)
   */
  record Num(Rational value, int decimals) implements Node {}

  /** A variable or an opaque name: {@code x}, {@code a_{37}}, {@code alpha}, {@code vec{v}}, {@code \triangle}. */
  record Sym(String name) implements Node {}

  /** A named constant: {@code pi}, {@code e}, {@code i} (the imaginary unit), {@code infty}. */
  record Const(String name) implements Node {}

  /** A sum of terms. */
  record Add(List<Node> terms) implements Node {
    public Add {
      terms = List.copyOf(terms);
    }
  }

  /** A product of factors. */
  record Mul(List<Node> factors) implements Node {
    public Mul {
      factors = List.copyOf(factors);
    }
  }

  /** The negation of a node. */
  record Neg(Node x) implements Node {}

  /** A quotient. */
  record Div(Node num, Node den) implements Node {}

  /** A power. */
  record Pow(Node base, Node exponent) implements Node {}

  /** The {@code index}-th root; odd roots of negative numbers are real. */
  record Root(Node index, Node radicand) implements Node {}

  /** A known function: sin … ln, abs, floor, ceil, factorial, binom, gcd, lcm, max, min. */
  record Fn(String name, List<Node> args) implements Node {
    public Fn {
      args = List.copyOf(args);
    }
  }

  /** An application of a function the parser does not know, such as {@code f(2)}: equal arguments, equal value. */
  record Apply(String name, List<Node> args) implements Node {
    public Apply {
      args = List.copyOf(args);
    }
  }

  /** {@code a ± b}, two answers at once; {@code a} is null for a leading {@code ±b}. */
  record PlusMinus(Node a, Node b) implements Node {}

  /** A percentage: the answer {@code x\%}. */
  record Percent(Node x) implements Node {}

  /** An angle in degrees: {@code x^\circ}. */
  record Degrees(Node x) implements Node {}

  /** A number written in another base, {@code 204_5}: equal only to the same digits in the same base. */
  record BaseNumber(String digits, String base) implements Node {}

  /** Prose: {@code \text{Evelyn}}, {@code \text{(C)}}. */
  record Text(String text) implements Node {}

  /**
   * Items in brackets: a tuple or open interval {@code (a,b)}, an interval {@code [a,b)}, a list {@code [a,b,c]},
   * a set {@code \{a,b\}} (open "{"), a vector {@code \langle a,b\rangle} (open "<").
   */
  record Bracketed(String open, String close, List<Node> items) implements Node {
    public Bracketed {
      items = List.copyOf(items);
    }
  }

  /** A matrix, row by row. */
  record Matrix(List<List<Node>> rows) implements Node {
    public Matrix {
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** A set operation: {@code cup}, {@code cap} or {@code setminus}. */
  record SetOp(String op, Node left, Node right) implements Node {}

  /**
   * A relation or a chain of them: {@code operands[0] ops[0] operands[1] …}; ops are {@code = < > <= >= != ~= in
   * notin}.
   */
  record Relation(List<Node> operands, List<String> ops) implements Node {
    public Relation {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
    }
  }

  /** A ratio {@code a:b} (or a time such as {@code 12:00}). */
  record Ratio(List<Node> parts) implements Node {
    public Ratio {
      parts = List.copyOf(parts);
    }
  }

  /** Several answers given together ({@code 1, -2}; {@code 3 \text{ and } 4}); order does not matter. */
  record AnswerList(List<Node> items) implements Node {
    public AnswerList {
      items = List.copyOf(items);
    }
  }
}
