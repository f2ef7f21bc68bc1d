package org.entropyharness.suite;

import java.util.Objects;

/**
 * One unit of work of a suite: a method under a seed, over the suite's dataset and model. A cell reports metrics for
 * every slice of the dataset (e.g. each corruption and severity) and for the whole ({@code all}), so a continual
 * protocol, which runs the slices in sequence, is one cell too.
 *
 * @param suite the suite it belongs to
 * @param model the model
 * @param method the method
 * @param seed the seed of this cell's randomness (sampling, shuffles, bootstrap)
 */
public record CellSpec(SuiteSpec suite, ModelSpec model, MethodSpec method, long seed) {
  public CellSpec {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(method, "method");
  }

  /**
   * Stable id within the suite: {@code <method label>@<seed>}, e.g. {@code tent@1}; with several models
   * {@code <model label>/<method label>@<seed>}, e.g. {@code grpo-step200/sample@1}.
   */
  public String id() {
    return (suite.comparesModels() ? model.label() + "/" : "") + method.label() + "@" + seed;
  }

  /** The same method and seed on another model (the base model's cell of this cell). */
  public CellSpec on(ModelSpec other) {
    return new CellSpec(suite, other, method, seed);
  }
}
