package org.entropyharness.lm.openai;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and jitter.
 *
 * @param retries retries after the first attempt
 * @param initialBackoff backoff before the first retry, doubled for each further retry
 * @param maxBackoff cap on one backoff, and on a server's Retry-After
 */
public record RetryPolicy(int retries, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (retries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "bad retry policy: retries=" + retries + " initial=" + initialBackoff + " max=" + maxBackoff);
    }
  }

  /**
   * How long to wait before retry number {@code retry} (0-based). A server's Retry-After wins when given; otherwise
   * the exponential backoff with "equal jitter" (half fixed, half random), so many clients do not retry in lockstep.
   *
   * @param retryAfter the server's Retry-After, or null
   */
  public Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
    long cap = maxBackoff.toMillis();
    long base = Math.min(cap, initialBackoff.toMillis() << Math.min(retry, 30));
    long half = base / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
