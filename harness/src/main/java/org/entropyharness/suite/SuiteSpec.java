package org.entropyharness.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated suite file.
 *
 * @param file the suite file
 * @param sha256 hash of the file's bytes, recorded in run manifests
 * @param name suite name (also the baseline's file name)
 * @param version version of the suite definition
 * @param description free text
 * @param family the family id ({@code tta}, {@code reasoning})
 * @param tier smoke or nightly
 * @param seeds one cell per method and seed
 * @param dataset the family's dataset section
 * @param model the family's model section
 * @param protocol the family's protocol section (may be empty)
 * @param methods methods in file order, labels unique
 * @param metrics metric names to record
 * @param gates gates in file order
 */
public record SuiteSpec(
    Path file,
    String sha256,
    String name,
    int version,
    String description,
    String family,
    Tier tier,
    List<Long> seeds,
    Params dataset,
    Params model,
    Params protocol,
    List<MethodSpec> methods,
    List<String> metrics,
    List<GateSpec> gates) {

  public SuiteSpec {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(tier, "tier");
    seeds = List.copyOf(seeds);
    methods = List.copyOf(methods);
    metrics = List.copyOf(metrics);
    gates = List.copyOf(gates);
    if (seeds.isEmpty() || methods.isEmpty()) {
      throw new IllegalArgumentException("a suite needs at least one seed and one method");
    }
  }

  /** Expands into cells: every method under every seed, in file order (methods outer, seeds inner). */
  public List<CellSpec> cells() {
    List<CellSpec> cells = new ArrayList<>();
    for (MethodSpec method : methods) {
      for (long seed : seeds) {
        cells.add(new CellSpec(this, method, seed));
      }
    }
    return List.copyOf(cells);
  }

  /** The gates that apply to a cell. */
  public List<GateSpec> gatesFor(CellSpec cell) {
    return gates.stream().filter(g -> g.appliesTo(cell.method().label())).toList();
  }
}
