package org.entropyharness.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param models the models compared, in file order (one for a suite with a single {@code model:})
 * @param base the label of the model others are compared with (crossover, forking overlap), if any
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
    List<ModelSpec> models,
    Optional<String> base,
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
    models = List.copyOf(models);
    Objects.requireNonNull(base, "base");
    methods = List.copyOf(methods);
    metrics = List.copyOf(metrics);
    gates = List.copyOf(gates);
    if (seeds.isEmpty() || methods.isEmpty() || models.isEmpty()) {
      throw new IllegalArgumentException("a suite needs at least one model, one method and one seed");
    }
  }

  /**
   * Expands into cells: every model × method × seed, in file order (models outer, so each model loads once; seeds
   * inner).
   */
  public List<CellSpec> cells() {
    List<CellSpec> cells = new ArrayList<>();
    for (ModelSpec model : models) {
      for (MethodSpec method : methods) {
        for (long seed : seeds) {
          cells.add(new CellSpec(this, model, method, seed));
        }
      }
    }
    return List.copyOf(cells);
  }

  /** Whether cells are named by model too (a suite with several models). */
  public boolean comparesModels() {
    return models.size() > 1;
  }

  /** The base model, if the suite names one. */
  public Optional<ModelSpec> baseModel() {
    return base.flatMap(label -> models.stream().filter(m -> m.label().equals(label)).findFirst());
  }

  /** The gates that apply to a cell (series gates and gates over seeds apply to groups of cells). */
  public List<GateSpec> gatesFor(CellSpec cell) {
    return gates.stream().filter(g -> !g.onSeries() && !g.overSeeds() && g.appliesTo(cell.method().label())).toList();
  }

  /** The groups of cells with rows of their own: series of checkpoints, and each model × method over several seeds. */
  public List<CellGroup> groups() {
    List<CellGroup> out = new ArrayList<>(seriesCells());
    if (seeds.size() > 1) {
      for (ModelSpec model : models) {
        for (MethodSpec method : methods) {
          out.add(new SeedGroup(this, model, method));
        }
      }
    }
    return out;
  }

  /** The series of the suite's checkpoints under each method and seed, in file order. */
  public List<SeriesCell> seriesCells() {
    List<String> names = models.stream().flatMap(m -> m.series().stream()).distinct().toList();
    List<SeriesCell> out = new ArrayList<>();
    for (String name : names) {
      for (MethodSpec method : methods) {
        for (long seed : seeds) {
          out.add(new SeriesCell(this, name, method, seed));
        }
      }
    }
    return out;
  }

  /** The gates that apply to a group: series metrics to series, gates over seeds to seed groups. */
  public List<GateSpec> gatesFor(CellGroup group) {
    return gates.stream()
        .filter(g -> group instanceof SeriesCell ? g.onSeries() : g.overSeeds() && !g.onSeries())
        .filter(g -> g.appliesTo(group.method().label()))
        .toList();
  }
}
