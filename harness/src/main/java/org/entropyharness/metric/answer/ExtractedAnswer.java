package org.entropyharness.metric.answer;

/** An answer found in a model's text and the rule that found it. */
public record ExtractedAnswer(String text, Extraction extraction) {
  static final ExtractedAnswer NONE = new ExtractedAnswer("", Extraction.NONE);
}
