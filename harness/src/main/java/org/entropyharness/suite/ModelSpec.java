package org.entropyharness.suite;

import java.util.Objects;
import java.util.Optional;

/**
 * One model of a suite: a checkpoint, a served model, a classifier. A suite compares its models cell by cell
 * (model × method × seed); models of one training run form a series ordered by step.
 *
 * @param label unique within the suite; part of the cell id when the suite has several models
 * @param series the training run it belongs to, or empty
 * @param step the training step of the checkpoint, or empty
 * @param section the family's model keys ({@code backend}, {@code weights}, {@code checkpoint}…), without the axis keys
 * @param position where the model is declared
 */
public record ModelSpec(String label, Optional<String> series, Optional<Long> step, Params section,
    SourcePosition position) {

  public ModelSpec {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(position, "position");
  }

  /** The model's name as reported (its {@code name}, else its backend). */
  public String name() {
    return section.string("name", section.string("backend", label));
  }
}
