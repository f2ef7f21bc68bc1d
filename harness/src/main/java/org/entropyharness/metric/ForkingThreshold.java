package org.entropyharness.metric;

/**
 * The entropy above which a token counts as a high-entropy "forking" token (see {@link ForkingTokens}).
 *
 * @param percentile the percentile of the reference entropies, in [0, 100] (80: the top 20%)
 * @param value the threshold in nats; NaN when the reference had no tokens
 * @param referenceTokens number of reference token entropies the percentile was taken over
 */
public record ForkingThreshold(double percentile, double value, int referenceTokens) {}
