package org.entropyharness.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a suite's gates may name, checked when the suite loads: a gate on a slice the dataset does not yield (a typo
 * in {@code slice:}) or on a metric a gated method cannot produce ({@code pass@64} from 2 samples) would otherwise
 * never see a value. The family says what its datasets and methods produce ({@link FamilyCatalog}).
 */
final class GateTargets {
  private static final int LISTED = 12;

  private final FamilyCatalog catalog;
  private final String family;
  private final Params dataset;
  private final List<MethodSpec> methods;
  private Optional<Set<String>> slices;

  GateTargets(FamilyCatalog catalog, String family, Params dataset, List<MethodSpec> methods) {
    this.catalog = catalog;
    this.family = family;
    this.dataset = dataset;
    this.methods = methods;
  }

  /** Throws at the gate's key when its slice or metric cannot be produced by the methods it applies to. */
  void check(Params gate, String metric, String slice, List<String> applies) {
    if (!slice.equals(GateSpec.ALL)) {
      slices().filter(known -> !known.contains(slice)).ifPresent(known -> {
        throw gate.error("slice", "'" + slice + "' is not a slice of this suite's dataset; slices: "
            + listed(known) + " (fix the name)");
      });
    }
    if (GateSpec.SERIES_METRICS.contains(metric)) {
      return;
    }
    for (MethodSpec method : methods) {
      if (applies.isEmpty() || applies.contains(method.label())) {
        catalog.metricProblem(family, metric, method.id(), method.params().asMap()).ifPresent(problem -> {
          throw gate.error("metric", "'" + metric + "' cannot be measured for method '" + method.label() + "': "
              + problem + "; change the method or list the gated ones in 'methods:'");
        });
      }
    }
  }

  private Optional<Set<String>> slices() {
    if (slices == null) {
      slices = catalog.slices(family, dataset);
    }
    return slices;
  }

  private static String listed(Set<String> known) {
    List<String> names = new ArrayList<>();
    names.add(GateSpec.ALL);
    known.stream().sorted().limit(LISTED).forEach(names::add);
    return String.join(", ", names) + (known.size() > LISTED ? ", ... (" + (known.size() + 1) + " slices)" : "");
  }
}
