package org.entropyharness.metric.answer.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.entropyharness.metric.answer.latex.Node.AnswerList;
import org.entropyharness.metric.answer.latex.Node.Num;
import org.entropyharness.metric.answer.latex.Node.Ratio;
import org.entropyharness.metric.answer.latex.Node.Relation;
import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Parses an answer into a {@link Node}: a list of answers (separated by {@code ;} above {@code ,}, or by "and",
 * "or", {@code \quad}), each a relation chain over ratios over set expressions over arithmetic (see {@link
 * ArithmeticParser}), with unit text after a number dropped.
 */
public final class LatexParser {
  private static final Set<String> RELATIONS = Set.of("=", "<", ">", "<=", ">=", "!=", "~=", "in", "notin");
  private static final Set<String> CONNECTIVES = Set.of("and", "or", "", ",", ";", "andor", "as well as");
  private static final Pattern BARE_GROUP_COMMA = Pattern.compile("(\\d),(\\d{3})(?!\\d)");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
  private static final Pattern THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2},\\d{3}");

  private final TokenCursor cursor;
  private final ArithmeticParser arithmetic;

  private LatexParser(List<Token> tokens, Deadline deadline) {
    this.cursor = new TokenCursor(tokens, deadline);
    this.arithmetic = new ArithmeticParser(cursor, this);
  }

  /**
   * Parses {@code latex} and, where the text can be read two ways, the second reading: {@code 1,234} is one
   * thousand two hundred thirty-four or the list 1, 234; {@code 1,5} is the list 1, 5 or, with a decimal comma, 1.5.
   *
   * @throws NotAnExpression when the text is not an answer the parser reads
   */
  public static ParsedAnswer parse(String latex, Deadline deadline) {
    Node primary = parseOnce(latex, deadline);
    Node alternative = null;
    String stripped = latex.strip();
    if (DECIMAL_COMMA.matcher(stripped).matches() && !THOUSANDS.matcher(stripped).matches()) {
      alternative = new Num(Rational.parseDecimal(stripped.replace(',', '.')), stripped.length() - stripped.indexOf(',') - 1);
    } else if (BARE_GROUP_COMMA.matcher(latex).find()) {
      try {
        alternative = parseOnce(BARE_GROUP_COMMA.matcher(latex).replaceAll("$1, $2"), deadline);
      } catch (NotAnExpression | ArithmeticException e) {
        alternative = null;
      }
    }
    return new ParsedAnswer(primary, alternative);
  }

  private static Node parseOnce(String latex, Deadline deadline) {
    List<Token> tokens = LatexTokenizer.tokenize(latex);
    Node word = Prose.check(tokens);
    if (word != null) {
      return word;
    }
    LatexParser p = new LatexParser(tokens, deadline);
    Node n = p.answer();
    while (p.cursor.atOperator(".") || p.cursor.at(Kind.SEPARATOR)) {
      p.cursor.next();
    }
    if (!p.cursor.atEnd()) {
      throw new NotAnExpression("unexpected " + p.cursor.peek());
    }
    return n;
  }

  /** The whole answer: groups separated by semicolons, each a comma list. */
  private Node answer() {
    if (cursor.atEnd()) {
      throw new NotAnExpression("empty");
    }
    List<Node> groups = new ArrayList<>();
    groups.add(commaList());
    while (cursor.at(Kind.SEPARATOR, ";")) {
      skipSeparators();
      if (cursor.atEnd()) {
        break;
      }
      groups.add(commaList());
    }
    return groups.size() == 1 ? groups.get(0) : new AnswerList(groups);
  }

  private Node commaList() {
    List<Node> items = new ArrayList<>();
    items.add(item());
    while (atConnective() && !cursor.at(Kind.SEPARATOR, ";")) {
      skipConnectives();
      if (cursor.atEnd() || cursor.at(Kind.SEPARATOR, ";") || cursor.atOperator(".")) {
        break;
      }
      items.add(item());
    }
    return items.size() == 1 ? items.get(0) : new AnswerList(items);
  }

  /** Items inside brackets, separated by commas or semicolons; connectives are separators there too. */
  List<Node> bracketItems() {
    List<Node> items = new ArrayList<>();
    items.add(item());
    while (atConnective()) {
      skipConnectives();
      items.add(item());
    }
    return items;
  }

  private void skipSeparators() {
    while (cursor.at(Kind.SEPARATOR)) {
      cursor.next();
    }
  }

  private void skipConnectives() {
    while (atConnective()) {
      cursor.next();
    }
  }

  boolean atConnective() {
    Token t = cursor.peek();
    if (t == null) {
      return false;
    }
    return switch (t.kind()) {
      case SEPARATOR -> true;
      case WORD -> t.text().equals("and") || t.text().equals("or");
      case TEXT -> CONNECTIVES.contains(t.text().replace(",", "").replace("/", "").strip().toLowerCase());
      default -> false;
    };
  }

  /** One answer: a relation chain, then any unit text after it. */
  Node item() {
    cursor.enter();
    try {
      Node n = relation();
      new UnitSkipper(cursor, this).skip();
      return n;
    } finally {
      cursor.leave();
    }
  }

  private Node relation() {
    List<Node> operands = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    operands.add(ratio());
    while (cursor.at(Kind.OPERATOR) && (RELATIONS.contains(cursor.peek().text()) || isImplication())) {
      String op = cursor.next().text();
      if (op.equals("=>") || op.equals("<=>")) {
        operands.clear();
        ops.clear();
      } else {
        ops.add(op);
      }
      operands.add(ratio());
    }
    return ops.isEmpty() ? operands.get(operands.size() - 1) : new Relation(operands, ops);
  }

  private boolean isImplication() {
    return cursor.atOperator("=>") || cursor.atOperator("<=>");
  }

  private Node ratio() {
    List<Node> parts = new ArrayList<>();
    parts.add(arithmetic.setExpression());
    while (cursor.atOperator(":")) {
      cursor.next();
      parts.add(arithmetic.setExpression());
    }
    return parts.size() == 1 ? parts.get(0) : new Ratio(parts);
  }
}
