package org.entropyharness.suite;

import java.util.List;
import java.util.Objects;

/**
 * The seeds of one model and method: a method's mean and standard deviation over the suite's seeds, which gates
 * declared with {@code over: seeds} compare with the baseline's.
 *
 * @param suite the suite
 * @param model the model
 * @param method the method
 */
public record SeedGroup(SuiteSpec suite, ModelSpec model, MethodSpec method) implements CellGroup {

  public SeedGroup {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(method, "method");
  }

  /** {@code [<model>/]<method>@seeds}. */
  @Override
  public String id() {
    return (suite.comparesModels() ? model.label() + "/" : "") + method.label() + "@seeds";
  }

  @Override
  public List<CellSpec> cells() {
    return suite.seeds().stream().map(seed -> new CellSpec(suite, model, method, seed)).toList();
  }
}
