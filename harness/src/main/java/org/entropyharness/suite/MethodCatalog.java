package org.entropyharness.suite;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the method registries know, handed to the loader so that the suite layer checks method parameters without
 * depending on the method packages.
 */
public interface MethodCatalog {

  /** Registered method ids of a family. */
  Set<String> methodIds(Family family);

  /** A problem with one method's parameters, or empty when they are fine. */
  Optional<ParamProblem> check(Family family, String methodId, Map<String, Object> params);

  /**
   * One bad parameter.
   *
   * @param key the offending key, or "" when the problem concerns the whole set
   * @param problem what is wrong and what is allowed
   */
  record ParamProblem(String key, String problem) {}

  /** A catalog that accepts every parameter of every method named in the schema. */
  MethodCatalog PERMISSIVE =
      new MethodCatalog() {
        @Override
        public Set<String> methodIds(Family family) {
          return Set.of();
        }

        @Override
        public Optional<ParamProblem> check(Family family, String methodId, Map<String, Object> params) {
          return Optional.empty();
        }
      };
}
