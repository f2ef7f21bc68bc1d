package org.entropyharness.suite;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the suite loader needs to know about the families of suites (defaults, method ids and their parameters),
 * handed in so that the suite layer checks a suite without depending on the packages that run it.
 */
public interface FamilyCatalog {

  /** The default metrics of a family, or empty when no family has that id. */
  Optional<List<String>> defaultMetrics(String family);

  /** A problem with one method's id or parameters, or empty when they are fine. */
  Optional<ParamProblem> check(String family, String methodId, Map<String, Object> params);

  /**
   * The slices (besides {@code all}) a dataset section yields, when the family can tell without running; empty when
   * it cannot.
   */
  default Optional<Set<String>> slices(String family, Params dataset) {
    return Optional.empty();
  }

  /** Why a method cannot produce a metric (e.g. {@code pass@64} from 2 samples), or empty when it can. */
  default Optional<String> metricProblem(String family, String metric, String methodId, Map<String, Object> params) {
    return Optional.empty();
  }

  /**
   * One bad parameter.
   *
   * @param key the offending key, or "" when the problem concerns the whole method
   * @param problem what is wrong and what is allowed
   */
  record ParamProblem(String key, String problem) {}

  /** A catalog that knows every family the schema names, with no default metrics, and accepts every parameter. */
  FamilyCatalog PERMISSIVE =
      new FamilyCatalog() {
        @Override
        public Optional<List<String>> defaultMetrics(String family) {
          return Optional.of(List.of());
        }

        @Override
        public Optional<ParamProblem> check(String family, String methodId, Map<String, Object> params) {
          return Optional.empty();
        }
      };
}
