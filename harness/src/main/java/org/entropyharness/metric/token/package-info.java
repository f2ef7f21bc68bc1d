/**
 * Statistics of one next-token distribution, the kernel every language-model backend and DeepConf share:
 * log-softmax at a temperature ({@link org.entropyharness.metric.token.LogSoftmax}), exact Shannon and Rényi
 * entropies of softmax(logits) on SIMD lanes ({@link org.entropyharness.metric.token.SoftmaxEntropy}), DeepConf's
 * top-k token confidence ({@link org.entropyharness.metric.token.TopKConfidence}) and the entropy of a server's top-k
 * logprobs renormalised over those k ({@link org.entropyharness.metric.token.TopKEntropy}). Pure functions of float
 * and double arrays; the sampler that chooses tokens from them lives in {@code lm.token}.
 *
 * <p>Edge cases, decided here once: a NaN or +Infinity logit is an error ({@link
 * org.entropyharness.metric.token.InvalidLogitsException}); a -Infinity logit is a masked token with probability
 * exactly 0, which no statistic counts; a row whose every logit is -Infinity, or an empty row, is an error.
 */
package org.entropyharness.metric.token;
