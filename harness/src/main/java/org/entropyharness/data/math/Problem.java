package org.entropyharness.data.math;

import java.util.Map;
import java.util.Objects;

/**
 * One math problem with its reference answer.
 *
 * @param id stable id, unique within the dataset (pairs items across runs)
 * @param question the problem text given to the model
 * @param answer the reference final answer (LaTeX or plain)
 * @param group a slice label such as a difficulty level or subject, or "" when the dataset has none
 * @param meta other fields kept for reports
 */
public record Problem(String id, String question, String answer, String group, Map<String, String> meta) {
  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    group = group == null ? "" : group;
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }
}
