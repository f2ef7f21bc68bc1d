package org.entropyharness.metric.answer;

/**
 * A place in a text where an answer may be.
 *
 * @param target the target that found it
 * @param end where it ends in the text (later wins within a priority)
 * @param text the answer's source text; several joined answers are separated by {@code ", "}
 */
record Candidate(Extraction target, int end, String text) {}
