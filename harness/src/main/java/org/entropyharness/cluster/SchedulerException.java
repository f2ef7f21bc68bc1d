package org.entropyharness.cluster;

import java.io.IOException;

/** The scheduler's tools are missing, or one of them refused or failed; the message says which and what to do. */
public final class SchedulerException extends IOException {
  public SchedulerException(String message) {
    super(message);
  }
}
