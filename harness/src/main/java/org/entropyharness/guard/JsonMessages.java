package org.entropyharness.guard;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's error messages in one line: its messages run over several lines ("... at [Source: ...; line: 1]") and
 * repeat the location a located message already gives.
 */
public final class JsonMessages {
  private JsonMessages() {}

  /**
   * The first clause of Jackson's own message, without its source description and line breaks; for a value of the
   * wrong type, which field it is rather than the Java types Jackson names.
   */
  public static String firstClause(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field '" + Printable.escape(u.getPropertyName()) + "'";
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
      return "field '" + Printable.escape(path(m)) + "' holds a value of the wrong type";
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse(message);
    int at = first.indexOf(" (start marker at");
    return Printable.escape(at < 0 ? first : first.substring(0, at)).strip();
  }

  private static String path(com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
    StringBuilder out = new StringBuilder();
    for (var ref : m.getPath()) {
      out.append(ref.getFieldName() != null ? (out.length() == 0 ? "" : ".") + ref.getFieldName()
          : "[" + ref.getIndex() + "]");
    }
    return out.toString();
  }

  /** {@code line:column} of where Jackson stopped, 1-based ({@code 1:1} when it does not say). */
  public static String position(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null ? "1:1" : Math.max(1, at.getLineNr()) + ":" + Math.max(1, at.getColumnNr());
  }
}
