package org.entropyharness.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entropyharness.run.reasoning.ReasoningFamily;
import org.entropyharness.run.tta.TtaFamily;
import org.entropyharness.suite.FamilyCatalog;
import org.entropyharness.suite.SuiteSpec;

/** The registry of suite families: the one place a new family is added. */
public final class Families implements FamilyCatalog {
  /** Every family the harness knows. */
  public static final Families ALL = new Families(List.of(new TtaFamily(), new ReasoningFamily()));

  private final Map<String, SuiteFamily> byId = new LinkedHashMap<>();

  private Families(List<SuiteFamily> families) {
    families.forEach(f -> byId.put(f.id(), f));
  }

  /** The family of a loaded suite (the loader has already checked that it exists). */
  public static SuiteFamily of(SuiteSpec suite) {
    return ALL.find(suite.family()).orElseThrow(() -> new IllegalStateException("no family " + suite.family()));
  }

  /** The family with an id, if there is one. */
  public Optional<SuiteFamily> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The family ids in registry order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  @Override
  public Optional<List<String>> defaultMetrics(String family) {
    return find(family).map(SuiteFamily::defaultMetrics);
  }

  @Override
  public Optional<java.util.Set<String>> slices(String family, org.entropyharness.suite.Params dataset) {
    return find(family).flatMap(f -> f.slices(dataset));
  }

  @Override
  public Optional<String> metricProblem(String family, String metric, String methodId, Map<String, Object> params) {
    return find(family).flatMap(f -> f.metricProblem(metric, methodId, params));
  }

  @Override
  public Optional<ParamProblem> check(String family, String methodId, Map<String, Object> params) {
    return find(family)
        .map(f -> f.methodProblem(methodId, params).map(p -> new ParamProblem("", p)))
        .orElseGet(() -> Optional.of(new ParamProblem("", "unknown family '" + family + "'; known: " + ids())));
  }
}
