package org.entropyharness.lm.openai;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delta seconds or an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait the server asks for, or null when it gives none (or an unreadable one). */
  static Duration parse(HttpHeaders headers) {
    String v = headers.firstValue("Retry-After").map(String::strip).orElse(null);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000)));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
