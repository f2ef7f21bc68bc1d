package org.entropyharness.metric.answer.latex;

import java.util.List;
import org.entropyharness.metric.answer.latex.Token.Kind;

/** The parser's position in a token list, with the nesting guard and the time budget every step checks. */
final class TokenCursor {
  /** Deeper nesting than this is not an answer a person writes; refusing it keeps the stack safe. */
  private static final int MAX_DEPTH = 120;

  private final List<Token> tokens;
  private final Deadline deadline;
  private int pos;
  private int depth;
  private int steps;

  TokenCursor(List<Token> tokens, Deadline deadline) {
    this.tokens = tokens;
    this.deadline = deadline;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  Token peek(int ahead) {
    int at = pos + ahead;
    return at < tokens.size() ? tokens.get(at) : null;
  }

  boolean at(Kind kind) {
    return pos < tokens.size() && tokens.get(pos).kind() == kind;
  }

  boolean at(Kind kind, String text) {
    return pos < tokens.size() && tokens.get(pos).is(kind, text);
  }

  boolean atOperator(String text) {
    return at(Kind.OPERATOR, text);
  }

  Token next() {
    if (pos >= tokens.size()) {
      throw new NotAnExpression("unexpected end");
    }
    return tokens.get(pos++);
  }

  void expect(Kind kind, String text) {
    if (!at(kind, text)) {
      throw new NotAnExpression("expected " + text + " but found " + peek());
    }
    pos++;
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  /** Replaces the number token at the cursor by its first digit followed by the rest, as TeX reads {@code \frac12}. */
  void splitLeadingDigit() {
    Token t = peek();
    if (t != null && t.kind() == Kind.NUMBER && t.text().length() > 1 && Character.isDigit(t.text().charAt(1))) {
      List<Token> replaced = new java.util.ArrayList<>(tokens.subList(0, pos));
      replaced.add(new Token(Kind.NUMBER, t.text().substring(0, 1), t.spaced()));
      replaced.add(new Token(Kind.NUMBER, t.text().substring(1), false));
      replaced.addAll(tokens.subList(pos + 1, tokens.size()));
      tokens.clear();
      tokens.addAll(replaced);
    }
  }

  void enter() {
    if (++depth > MAX_DEPTH) {
      throw new NotAnExpression("nested too deeply");
    }
    checkTime();
  }

  void leave() {
    depth--;
  }

  /** Looks at the clock every 32 steps: often enough for the budget, rarely enough to cost nothing. */
  void checkTime() {
    if ((++steps & 31) == 0) {
      deadline.check();
    }
  }
}
