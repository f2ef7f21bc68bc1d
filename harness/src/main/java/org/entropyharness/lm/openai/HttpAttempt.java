package org.entropyharness.lm.openai;

import java.time.Duration;
import java.util.List;
import org.entropyharness.lm.Trace;

/** What one HTTP attempt came to: traces, a failure worth retrying, or a failure that retrying cannot fix. */
sealed interface HttpAttempt {
  /** The server answered with parseable choices. */
  record Ok(List<Trace> traces) implements HttpAttempt {}

  /** A transient failure; {@code retryAfter} is the server's Retry-After or null. */
  record Retry(String why, Duration retryAfter) implements HttpAttempt {}

  /** A failure that would repeat (a 4xx other than 408/429, or a response of the wrong shape). */
  record Fatal(String why) implements HttpAttempt {}
}
