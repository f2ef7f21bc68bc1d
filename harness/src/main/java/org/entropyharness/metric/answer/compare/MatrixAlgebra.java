package org.entropyharness.metric.answer.compare;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.metric.answer.latex.Node;
import org.entropyharness.metric.answer.latex.Node.Add;
import org.entropyharness.metric.answer.latex.Node.Matrix;
import org.entropyharness.metric.answer.latex.Node.Mul;
import org.entropyharness.metric.answer.latex.Node.Neg;

/**
 * Sums, products and scalar multiples of matrices, carried out entry by entry so that {@code A + B} written as an
 * answer compares with the matrix it equals. Entries stay expressions; the comparison evaluates them.
 */
final class MatrixAlgebra {
  private MatrixAlgebra() {}

  /** The matrix {@code n} evaluates to, or {@code n} itself when it is not arithmetic over matrices. */
  static Node reduce(Node n) {
    if (n instanceof Add a) {
      return sum(a);
    } else if (n instanceof Mul m) {
      return product(m);
    } else if (n instanceof Neg neg && reduce(neg.x()) instanceof Matrix x) {
      return map(x, Neg::new);
    }
    return n;
  }

  private static Node sum(Add a) {
    List<Node> terms = a.terms().stream().map(MatrixAlgebra::reduce).toList();
    if (terms.stream().noneMatch(t -> t instanceof Matrix)) {
      return a;
    }
    Matrix first = terms.get(0) instanceof Matrix m ? m : null;
    if (first == null || !terms.stream().allMatch(t -> t instanceof Matrix m && sameShape(m, first))) {
      return a;
    }
    List<List<Node>> rows = new ArrayList<>();
    for (int r = 0; r < first.rows().size(); r++) {
      List<Node> row = new ArrayList<>();
      for (int c = 0; c < first.rows().get(0).size(); c++) {
        List<Node> entries = new ArrayList<>();
        for (Node t : terms) {
          entries.add(((Matrix) t).rows().get(r).get(c));
        }
        row.add(new Add(entries));
      }
      rows.add(row);
    }
    return new Matrix(rows);
  }

  private static Node product(Mul m) {
    List<Node> factors = m.factors().stream().map(MatrixAlgebra::reduce).toList();
    if (factors.stream().noneMatch(f -> f instanceof Matrix)) {
      return m;
    }
    Node acc = factors.get(0);
    for (int k = 1; k < factors.size(); k++) {
      acc = times(acc, factors.get(k));
      if (acc == null) {
        return m;
      }
    }
    return acc;
  }

  private static Node times(Node a, Node b) {
    if (a instanceof Matrix x && b instanceof Matrix y) {
      return matmul(x, y);
    }
    if (a instanceof Matrix x) {
      return map(x, e -> new Mul(List.of(e, b)));
    }
    if (b instanceof Matrix y) {
      return map(y, e -> new Mul(List.of(a, e)));
    }
    return new Mul(List.of(a, b));
  }

  private static Matrix matmul(Matrix x, Matrix y) {
    int inner = x.rows().get(0).size();
    if (inner != y.rows().size()) {
      return null;
    }
    List<List<Node>> rows = new ArrayList<>();
    for (List<Node> xr : x.rows()) {
      List<Node> row = new ArrayList<>();
      for (int c = 0; c < y.rows().get(0).size(); c++) {
        List<Node> terms = new ArrayList<>();
        for (int k = 0; k < inner; k++) {
          terms.add(new Mul(List.of(xr.get(k), y.rows().get(k).get(c))));
        }
        row.add(new Add(terms));
      }
      rows.add(row);
    }
    return new Matrix(rows);
  }

  private static Matrix map(Matrix x, java.util.function.UnaryOperator<Node> f) {
    return new Matrix(x.rows().stream().map(r -> r.stream().map(f).toList()).toList());
  }

  private static boolean sameShape(Matrix a, Matrix b) {
    return a.rows().size() == b.rows().size() && a.rows().get(0).size() == b.rows().get(0).size();
  }

  /** True when {@code n} is a sum or product with a matrix in it. */
  static boolean involvesMatrix(Node n) {
    if (n instanceof Add a) {
      return a.terms().stream().anyMatch(t -> t instanceof Matrix || involvesMatrix(t));
    } else if (n instanceof Mul m) {
      return m.factors().stream().anyMatch(f -> f instanceof Matrix || involvesMatrix(f));
    }
    return n instanceof Neg neg && (neg.x() instanceof Matrix || involvesMatrix(neg.x()));
  }
}
