package org.entropyharness.metric.answer;

/** Which rule found the final answer in a model's text; the label is what graded files record. */
public enum Extraction {
  /** The content of the last {@code \boxed{…}} or {@code \fbox{…}}. */
  BOXED("boxed"),
  /** The text after the last "the answer is", "answer:" or GSM8K's {@code ####} marker. */
  ANSWER_IS("answer-is"),
  /** The last number in the text, the fallback when no marker is present. */
  LAST_NUMBER("last-number"),
  /** Nothing that looks like an answer. */
  NONE("none");

  private final String label;

  Extraction(String label) {
    this.label = label;
  }

  /** The lower-case label written to graded files. */
  public String label() {
    return label;
  }
}
