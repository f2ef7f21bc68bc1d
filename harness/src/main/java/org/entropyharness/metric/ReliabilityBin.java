package org.entropyharness.metric;

/** One bin of a reliability diagram: its confidence range, how many items fell in, their mean confidence and accuracy. */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {}
