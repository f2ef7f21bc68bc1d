package org.entropyharness.metric;

import java.util.Objects;

/**
 * A metric's name as suites and result files spell it, the direction in which it improves, and its unit
 * ({@code "fraction"} for values in [0, 1], {@code "nats"}, {@code "tokens"}, …).
 */
public record MetricId(String name, Direction direction, String unit) {
  public static final MetricId ACCURACY = new MetricId("accuracy", Direction.HIGHER_IS_BETTER, "fraction");
  public static final MetricId ERROR = new MetricId("error", Direction.LOWER_IS_BETTER, "fraction");
  public static final MetricId ECE = new MetricId("ece", Direction.LOWER_IS_BETTER, "fraction");
  public static final MetricId AUROC = new MetricId("auroc", Direction.HIGHER_IS_BETTER, "fraction");
  public static final MetricId ENTROPY = new MetricId("entropy", Direction.LOWER_IS_BETTER, "nats");
  public static final MetricId COMPLETION_TOKENS =
      new MetricId("completion-tokens", Direction.LOWER_IS_BETTER, "tokens");
  public static final MetricId TOKENS_PER_CORRECT =
      new MetricId("tokens-per-correct", Direction.LOWER_IS_BETTER, "tokens");

  public MetricId {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(unit, "unit");
    if (name.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
  }

  /** {@code pass@k}: chance that at least one of k samples is correct. */
  public static MetricId passAt(int k) {
    return new MetricId("pass@" + k, Direction.HIGHER_IS_BETTER, "fraction");
  }

  /** {@code maj@k}: chance that the majority answer of k samples is correct. */
  public static MetricId majAt(int k) {
    return new MetricId("maj@" + k, Direction.HIGHER_IS_BETTER, "fraction");
  }

  /** {@code avg@n}: mean correctness over n samples per question. */
  public static MetricId avgAt(int n) {
    return new MetricId("avg@" + n, Direction.HIGHER_IS_BETTER, "fraction");
  }
}
