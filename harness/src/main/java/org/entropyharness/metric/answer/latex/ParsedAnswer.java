package org.entropyharness.metric.answer.latex;

import java.util.List;

/**
 * An answer as parsed, with a second reading where the text is ambiguous ({@code 1,234}; {@code 1,5}).
 *
 * @param primary the usual reading
 * @param alternative the other reading, or null
 */
public record ParsedAnswer(Node primary, Node alternative) {
  /** The readings, usual first. */
  public List<Node> readings() {
    return alternative == null ? List.of(primary) : List.of(primary, alternative);
  }
}
