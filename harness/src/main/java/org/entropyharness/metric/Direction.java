package org.entropyharness.metric;

/** Which way a metric improves; gates read it to decide what "worse" means. */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /** True when {@code candidate} is better than {@code reference} in this direction. */
  public boolean better(double candidate, double reference) {
    return this == HIGHER_IS_BETTER ? candidate > reference : candidate < reference;
  }
}
