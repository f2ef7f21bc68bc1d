package org.entropyharness.store;

import java.util.Objects;

/**
 * Which model of a suite a row belongs to: its label, and for a checkpoint its series (training run) and step.
 *
 * @param label the model's label in the suite
 * @param series the training run, or null
 * @param step the training step, or null
 */
public record ModelRef(String label, String series, Long step) {

  public ModelRef {
    Objects.requireNonNull(label, "label");
  }

  /** The model columns of a read row; files written before the model axis have none (the label is the model). */
  static ModelRef read(Row row, String model) {
    String label = row.string("model_label");
    return new ModelRef(label == null ? (model == null ? "" : model) : label, row.string("series"),
        row.isNull("step") ? null : row.longValue("step"));
  }

  /** A model with a label only (a suite with a single model, or rows written before the model axis). */
  public static ModelRef of(String label) {
    return new ModelRef(label == null ? "" : label, null, null);
  }
}
