package org.entropyharness.metric.answer;

/**
 * The target that found an answer in a text, with its priority: targets are tried from priority 0 up; within one
 * priority the candidate that ends last in the text wins, and a candidate that does not parse gives way to the next.
 * The label is what graded files and sample rows record.
 */
public enum Extraction {
  /** The whole text is an answer ({@code 1,-2}, {@code \frac{1}{2}}, {@code x \in [-2,7]}): a reference's usual form. */
  WHOLE("whole", 0),
  /** The last {@code \boxed{…}} or {@code \fbox{…}}, with the boxes just before it that list answers with it. */
  BOXED("boxed", 1),
  /** Minerva's "Final Answer: The final answer is X. I hope it is correct." */
  FINAL_ANSWER("final-answer", 1),
  /** The value after "the answer is", "answer:", "final answer … is" or GSM8K's {@code ####}. */
  ANSWER_IS("answer-is", 2),
  /** The last LaTeX math span ({@code $…$}, {@code $$…$$}, {@code \(…\)}, {@code \[…\]}) and spans joined to it. */
  MATH_SPAN("math-span", 3),
  /** The last number written outside math, not inside a word ({@code QX7B} has none). */
  LAST_NUMBER("last-number", 3),
  /** Nothing that looks like an answer. */
  NONE("none", Integer.MAX_VALUE);

  private final String label;
  private final int priority;

  Extraction(String label, int priority) {
    this.label = label;
    this.priority = priority;
  }

  /** The lower-case label written to graded files. */
  public String label() {
    return label;
  }

  /** The priority: lower is tried first. */
  public int priority() {
    return priority;
  }
}
