package org.entropyharness.run;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entropyharness.method.reasoning.DecodingStrategies;
import org.entropyharness.method.reasoning.ReasoningContext;
import org.entropyharness.method.tta.TtaMethods;
import org.entropyharness.suite.Family;
import org.entropyharness.suite.MethodCatalog;

/** The method registries of both families, as the suite loader's catalog. */
public final class MethodRegistry implements MethodCatalog {
  public static final MethodRegistry INSTANCE = new MethodRegistry();

  private MethodRegistry() {}

  @Override
  public Set<String> methodIds(Family family) {
    return switch (family) {
      case REASONING -> new HashSet<>(DecodingStrategies.ids());
      case TTA -> new HashSet<>(TtaMethods.ids());
    };
  }

  @Override
  public Optional<ParamProblem> check(Family family, String methodId, Map<String, Object> params) {
    try {
      switch (family) {
        case REASONING -> DecodingStrategies.create(methodId, params, ReasoningContext.simple(256));
        case TTA -> TtaMethods.checkParams(methodId, params);
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(new ParamProblem("", e.getMessage()));
    }
  }
}
