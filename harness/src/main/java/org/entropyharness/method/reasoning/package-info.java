/**
 * Decoding and voting strategies for the reasoning family, behind {@link
 * org.entropyharness.method.reasoning.DecodingStrategy} and created by id through {@link
 * org.entropyharness.method.reasoning.DecodingStrategies}: greedy, sample, edt, self-consistency, deepconf. Answer
 * extraction and equivalence come in through {@link org.entropyharness.method.reasoning.ReasoningContext}.
 */
package org.entropyharness.method.reasoning;
