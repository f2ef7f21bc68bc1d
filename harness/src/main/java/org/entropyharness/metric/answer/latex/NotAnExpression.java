package org.entropyharness.metric.answer.latex;

/**
 * Thrown when an answer is not arithmetic the parser knows; the answer is then compared as a string only. Most
 * answers that reach the parser fail it on purpose (names, bases, matrices), so it carries no stack trace.
 */
public final class NotAnExpression extends IllegalArgumentException {
  /** An answer that is not an expression, for the reason given. */
  public NotAnExpression(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
