package org.entropyharness.lm.openai;

import java.time.Duration;

/** What one HTTP attempt came to: a parsed response, a failure worth retrying, or one that retrying cannot fix. */
sealed interface HttpAttempt {
  /** The server answered with parseable choices. */
  record Ok(OpenAiResponses.Parsed parsed) implements HttpAttempt {}

  /** A transient failure; {@code retryAfter} is the server's Retry-After or null. */
  record Retry(String why, Duration retryAfter) implements HttpAttempt {}

  /** A failure that would repeat (a bad request, or a response of the wrong shape). */
  record Fatal(String why) implements HttpAttempt {}
}
