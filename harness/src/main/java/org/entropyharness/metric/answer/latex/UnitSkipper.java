package org.entropyharness.metric.answer.latex;

import org.entropyharness.metric.answer.latex.Token.Kind;

/**
 * Skips the unit after an answer: prose in a text command ({@code \text{ cm}^2}, {@code \mbox{ miles}}) or a unit
 * word ({@code 125 miles}), possibly several ({@code 5 \text{ square } \text{feet}}).
 */
final class UnitSkipper {
  private final TokenCursor cursor;
  private final LatexParser parser;

  UnitSkipper(TokenCursor cursor, LatexParser parser) {
    this.cursor = cursor;
    this.parser = parser;
  }

  void skip() {
    while (!cursor.atEnd() && !parser.atConnective() && atUnit()) {
      cursor.next();
      skipExponent();
    }
  }

  private boolean atUnit() {
    Token t = cursor.peek();
    return t.kind() == Kind.TEXT
        || (t.kind() == Kind.WORD && (UnitWords.isUnit(t.text()) || PrimaryParser.isSpacedUnknown(t)))
        || (t.kind() == Kind.SYMBOL && t.text().equals("\\mathrm"));
  }

  private void skipExponent() {
    if (cursor.atOperator("^")) {
      cursor.next();
      if (cursor.at(Kind.BRACE_OPEN)) {
        while (!cursor.atEnd() && !cursor.at(Kind.BRACE_CLOSE)) {
          cursor.next();
        }
        cursor.next();
      } else {
        cursor.next();
      }
    }
  }
}
