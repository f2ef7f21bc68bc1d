/**
 * Choosing the next token from a row of logits: the sampler (temperature, entropy-dependent temperature, top-k,
 * top-p, min-p, greedy) and the per-step record of what was chosen and measured. Both full-logit backends
 * ({@code lm.embedded}, {@code lm.djl}) decode through {@link org.entropyharness.lm.token.TokenChoice#choose}; the
 * statistics come from the numeric kernel in {@code metric.token}.
 */
package org.entropyharness.lm.token;
