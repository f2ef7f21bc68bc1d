package org.entropyharness.metric;

/** A point estimate with a percentile confidence interval at the given level (e.g. 0.95). */
public record Interval(double estimate, double low, double high, double level) {}
