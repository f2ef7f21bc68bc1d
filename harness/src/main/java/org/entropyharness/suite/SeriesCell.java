package org.entropyharness.suite;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoints of one series under one method and seed: the cells whose results a series metric (the
 * entropy–accuracy law) is fitted over, in step order.
 *
 * @param suite the suite
 * @param series the series name
 * @param method the method
 * @param seed the seed
 */
public record SeriesCell(SuiteSpec suite, String series, MethodSpec method, long seed) implements CellGroup {

  public SeriesCell {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(method, "method");
  }

  /** {@code <series>/<method label>@<seed>}, the cell id its rows are stored under. */
  @Override
  public String id() {
    return series + "/" + method.label() + "@" + seed;
  }

  /** The cells of the series' checkpoints, in step order. */
  @Override
  public List<CellSpec> cells() {
    return suite.models().stream()
        .filter(m -> m.series().map(series::equals).orElse(false))
        .sorted(Comparator.comparingLong(m -> m.step().orElse(0L)))
        .map(m -> new CellSpec(suite, m, method, seed))
        .toList();
  }
}
