package org.entropyharness.metric.answer;

import java.util.Objects;

/**
 * The grade of one model output.
 *
 * @param extracted the answer text as extracted (before normalisation)
 * @param extraction the target that found it
 * @param correct whether it is equivalent to the reference
 */
public record Grade(String extracted, Extraction extraction, boolean correct) {
  public Grade {
    Objects.requireNonNull(extracted, "extracted");
    Objects.requireNonNull(extraction, "extraction");
  }
}
