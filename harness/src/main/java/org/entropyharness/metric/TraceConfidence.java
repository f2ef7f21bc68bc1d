package org.entropyharness.metric;

/**
 * DeepConf's scores of one trace (Fu et al. 2025, "Deep Think with Confidence"), all "higher is more confident":
 * mean token confidence, tail (mean of the last tokens), bottom-10% (mean of the lowest tenth of group
 * confidences) and lowest group confidence.
 */
public record TraceConfidence(double mean, double tail, double bottom10, double lowestGroup) {}
