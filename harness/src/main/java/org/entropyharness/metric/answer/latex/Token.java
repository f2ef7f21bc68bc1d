package org.entropyharness.metric.answer.latex;

/**
 * One token of an answer.
 *
 * @param kind what the token is
 * @param text its normalised text: digits for a number ({@code 12345.5}), the name of a symbol or command without
 *     the backslash ({@code alpha}, {@code frac}), the operator ({@code <=}), or the content of a text command
 * @param spaced true when white space preceded the token in the source
 * @param grouped for a number, true when it was written with bare commas between groups of three digits
 *     ({@code 1,234}), which could also be read as a list
 */
record Token(Kind kind, String text, boolean spaced, boolean grouped) {

  /** Token kinds. */
  enum Kind {
    /** A number literal: digits with at most one decimal point. */
    NUMBER,
    /** A one-letter symbol, a Greek letter, or a decorated symbol such as {@code \mathbf{v}}. */
    SYMBOL,
    /** A run of two or more plain letters outside any command ({@code cm}, {@code and}, {@code odd}). */
    WORD,
    /** A LaTeX command the parser gives a meaning to ({@code frac}, {@code sqrt}, {@code pi}, {@code cup}). */
    COMMAND,
    /** An operator or relation: {@code + - * / ^ _ ! ' = < > <= >= != ~= : in pm}. */
    OPERATOR,
    /** An opening bracket: {@code ( [ \{ <} (the last for {@code \langle}). */
    OPEN,
    /** A closing bracket: {@code ) ] \} >}. */
    CLOSE,
    /** A TeX group brace {@code {} or {@code }}. */
    BRACE_OPEN,
    /** The closing TeX group brace. */
    BRACE_CLOSE,
    /** An absolute-value bar. */
    BAR,
    /** A separator between answers: comma, semicolon or {@code \quad}. */
    SEPARATOR,
    /** The content of {@code \text{…}} and its relatives. */
    TEXT,
    /** {@code \begin{env}}; text is the environment name. */
    BEGIN,
    /** {@code \end{env}}. */
    END,
    /** A column separator {@code &} inside an environment. */
    COLUMN,
    /** A row break {@code \\} inside an environment. */
    ROW,
    /** A percent sign. */
    PERCENT,
    /** A degree mark ({@code ^\circ}, {@code °}). */
    DEGREE
  }

  Token(Kind kind, String text, boolean spaced) {
    this(kind, text, spaced, false);
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOperator(String t) {
    return is(Kind.OPERATOR, t);
  }

  @Override
  public String toString() {
    return kind + "(" + text + ")";
  }
}
