package org.entropyharness.metric;

import java.util.OptionalInt;

/**
 * Where the base model's pass@k curve reaches a model's (see {@link CrossoverK}).
 *
 * @param k the smallest k ≤ {@code maxK} at which the base's mean pass@k reaches the model's; empty: none up to
 *     {@code maxK}
 * @param low lower end of the bootstrap interval of k; empty: the lower quantile of the resamples had no crossover
 *     up to {@code maxK}
 * @param high upper end of the bootstrap interval of k; empty: "none up to {@code maxK}" lies inside the interval
 * @param level confidence level of the interval, e.g. 0.95
 * @param shareNone share of bootstrap resamples with no crossover up to {@code maxK}
 * @param maxK the largest k compared: the smallest sample count n among all problems of both models
 */
public record Crossover(OptionalInt k, OptionalInt low, OptionalInt high, double level, double shareNone, int maxK) {}
