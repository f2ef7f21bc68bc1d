package org.entropyharness.format;

import java.io.IOException;

/** A data file whose content does not match its declared format; the message starts with {@code file:line:col:}. */
public final class DataFormatException extends IOException {
  public DataFormatException(String message) {
    super(message);
  }
}
