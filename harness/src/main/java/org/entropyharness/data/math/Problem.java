package org.entropyharness.data.math;

import java.util.Map;
import java.util.Objects;
import org.entropyharness.metric.answer.ReferenceAnswer;

/**
 * One math problem with its reference answer.
 *
 * @param id stable id, unique within the dataset (pairs items across runs)
 * @param question the problem text given to the model
 * @param answer the reference answer as reports show it (several answers joined, see {@link
 *     ReferenceAnswer#display()})
 * @param group a slice label such as a difficulty level or subject, or "" when the dataset has none
 * @param meta other fields kept for reports
 * @param reference the reference answer the checker grades against: one answer, or several combined
 */
public record Problem(
    String id, String question, String answer, String group, Map<String, String> meta, ReferenceAnswer reference) {
  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    group = group == null ? "" : group;
    meta = meta == null ? Map.of() : Map.copyOf(meta);
    reference = reference == null ? ReferenceAnswer.of(answer) : reference;
  }

  /** A problem with a single reference answer. */
  public Problem(String id, String question, String answer, String group, Map<String, String> meta) {
    this(id, question, answer, group, meta, ReferenceAnswer.of(answer));
  }

  /** A problem whose reference may hold several answers; reports show {@link ReferenceAnswer#display()}. */
  public static Problem of(String id, String question, ReferenceAnswer reference, String group, Map<String, String> meta) {
    return new Problem(id, question, reference.display(), group, meta, reference);
  }
}
