/**
 * In-process language models on DJL: a TorchScript module mapping token ids {@code [1,T]} to logits {@code [1,T,V]},
 * decoded in Java through {@link org.entropyharness.lm.token.TokenChoice} with exact entropies from the full logits.
 */
package org.entropyharness.lm.djl;
