package org.entropyharness.metric.answer.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Matrix;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * {@code \begin{…}…\end{…}}: a matrix environment ({@code pmatrix}, {@code bmatrix}, {@code array}, …) becomes a
 * {@link Matrix}; an alignment ({@code aligned}, {@code cases}, …) becomes its rows, with the {@code &} marks
 * ignored.
 */
final class EnvironmentParser {
  private static final Set<String> MATRICES =
      Set.of("matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array", "tabular");

  private final TokenCursor cursor;
  private final LatexParser lists;

  EnvironmentParser(TokenCursor cursor, LatexParser lists) {
    this.cursor = cursor;
    this.lists = lists;
  }

  Node environment(String name) {
    List<List<Node>> rows = new ArrayList<>();
    List<Node> row = new ArrayList<>();
    boolean matrix = MATRICES.contains(name);
    while (!cursor.at(Kind.END)) {
      cursor.checkTime();
      if (cursor.atEnd()) {
        throw new NotAnExpression("\\begin{" + name + "} without \\end");
      }
      if (cursor.at(Kind.ROW)) {
        cursor.next();
        addRow(rows, row);
        row = new ArrayList<>();
      } else if (cursor.at(Kind.COLUMN)) {
        cursor.next();
        if (!matrix) {
          continue;
        }
        if (row.isEmpty()) {
          throw new NotAnExpression("empty matrix cell");
        }
      } else {
        row.add(lists.item());
      }
    }
    cursor.next();
    addRow(rows, row);
    return matrix ? matrix(rows) : alignment(rows);
  }

  private static void addRow(List<List<Node>> rows, List<Node> row) {
    if (!row.isEmpty()) {
      rows.add(row);
    }
  }

  private static Node matrix(List<List<Node>> rows) {
    if (rows.isEmpty()) {
      throw new NotAnExpression("empty matrix");
    }
    int width = rows.get(0).size();
    for (List<Node> r : rows) {
      if (r.size() != width) {
        throw new NotAnExpression("ragged matrix");
      }
    }
    return new Matrix(rows);
  }

  private static Node alignment(List<List<Node>> rows) {
    List<Node> items = new ArrayList<>();
    for (List<Node> r : rows) {
      items.addAll(r);
    }
    if (items.isEmpty()) {
      throw new NotAnExpression("empty environment");
    }
    return items.size() == 1 ? items.get(0) : new AnswerList(items);
  }
}
