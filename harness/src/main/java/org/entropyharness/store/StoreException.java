package org.entropyharness.store;

import java.io.IOException;

/** A result or baseline file that cannot be read or written; the message names the file and the fix. */
public final class StoreException extends IOException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
