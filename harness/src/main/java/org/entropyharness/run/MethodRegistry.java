package org.entropyharness.run;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.suite.Family;
import org.entropyharness.suite.MethodCatalog;

/** The method registries of both families, as the suite loader's catalog. */
public final class MethodRegistry implements MethodCatalog {
  public static final MethodRegistry INSTANCE = new MethodRegistry();

  private MethodRegistry() {}

  @Override
  public Set<String> methodIds(Family family) {
    return Set.of();
  }

  @Override
  public Optional<ParamProblem> check(Family family, String methodId, Map<String, Object> params) {
    return Optional.empty();
  }
}
