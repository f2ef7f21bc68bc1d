package org.entropyharness.metric.answer;

import org.entropyharness.metric.answer.latex.ParsedAnswer;

/**
 * An answer found in a text.
 *
 * @param text the answer's source text as found (several joined answers separated by {@code ", "})
 * @param extraction the target that found it
 * @param parsed the parsed answer, or null when the text does not parse (it is then compared as text)
 */
public record ExtractedAnswer(String text, Extraction extraction, ParsedAnswer parsed) {
  static final ExtractedAnswer NONE = new ExtractedAnswer("", Extraction.NONE, null);

  /** True when nothing was found. */
  public boolean isNone() {
    return extraction == Extraction.NONE;
  }
}
