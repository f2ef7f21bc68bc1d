package org.entropyharness.run.reasoning;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entropyharness.method.reasoning.DecodingStrategies;
import org.entropyharness.method.reasoning.DecodingStrategy;
import org.entropyharness.method.reasoning.ReasoningContext;

/**
 * Whether a strategy draws enough traces for a metric over k of them ({@code pass@k}, {@code maj@k}, {@code avg@k},
 * {@code g-pass@k:τ}): a cell with fewer records no such metric, so a gate on it could never pass.
 */
final class SampleCounts {
  private static final Pattern OVER_K = Pattern.compile("^(?:pass|maj|avg|g-pass)@([0-9]+)(?::.*)?$");

  private SampleCounts() {}

  /** Why the method cannot produce the metric, or empty when it can (or the metric needs no k). */
  static Optional<String> problem(String metric, String methodId, Map<String, Object> params) {
    Matcher m = OVER_K.matcher(metric);
    if (!m.matches()) {
      return Optional.empty();
    }
    long k = Long.parseLong(m.group(1));
    int n = traces(methodId, params);
    return k > n ? Optional.of("it needs at least " + k + " traces per problem and the method draws n = " + n)
        : Optional.empty();
  }

  private static int traces(String methodId, Map<String, Object> params) {
    try {
      DecodingStrategy strategy = DecodingStrategies.create(methodId, params, ReasoningContext.simple(256));
      Object n = strategy.params().get("n");
      return n instanceof Number number ? number.intValue() : 1;
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE; // a bad method is reported by the method check, not here
    }
  }
}
