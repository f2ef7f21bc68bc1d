package org.entropyharness.lm;

/**
 * What a run records about a language model.
 *
 * @param name the model name as the suite gives it
 * @param fingerprint sha256 of the weights, or of endpoint model name and revision for remote models
 * @param provenance how this model's per-token entropies are computed
 */
public record ModelInfo(String name, String fingerprint, EntropyProvenance provenance) {}
